package org.mppfw.tftp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NegotiatedTest {

    private static final TftpOptions ASKED = new TftpOptions(1428, 8, 1, true);

    @Test
    void usesExactlyWhatTheOackGrants() throws Exception {
        Negotiated n = Negotiated.accept(ASKED, Map.of("blksize", "1024", "tsize", "20971520", "windowsize", "4"), false);
        assertEquals(1024, n.blksize());
        assertEquals(4, n.windowsize());
        assertEquals(20971520, n.tsize());
        assertEquals(0, n.timeout());
        assertEquals(List.of("timeout"), n.refused());
        assertEquals("blksize=1024 windowsize=4 tsize=20971520 refused=timeout", n.describe());
    }

    @Test
    void absentOptionsAreRefusedAndDefaulted() throws Exception {
        Negotiated n = Negotiated.accept(ASKED, Map.of("tsize", "9"), false);
        assertEquals(512, n.blksize());
        assertEquals(1, n.windowsize());
        assertEquals(List.of("blksize", "timeout", "windowsize"), n.refused());
    }

    @Test
    void writeIgnoresTheEchoedTsize() throws Exception {
        assertEquals(-1, Negotiated.accept(ASKED, Map.of("tsize", "100"), true).tsize());
    }

    @Test
    void refusesWhatWasNotAskedOrIsOutOfRange() {
        for (Map<String, String> oack : List.of(Map.of("rollover", "0"), Map.of("blksize", "1429"), Map.of("blksize", "7"),
                Map.of("windowsize", "9"), Map.of("windowsize", "0"), Map.of("timeout", "0"), Map.of("timeout", "256"),
                Map.of("tsize", "-1"), Map.of("blksize", "+512"), Map.of("blksize", ""), Map.of("tsize", "1".repeat(19)))) {
            assertThrows(Negotiated.OptionRejectedException.class, () -> Negotiated.accept(ASKED, oack, false), oack::toString);
        }
        assertThrows(Negotiated.OptionRejectedException.class,
                () -> Negotiated.accept(new TftpOptions(1428, 0, 0, false), Map.of("windowsize", "1"), false));
    }

    @Test
    void plainNamesEveryAskedOptionRefused() {
        Negotiated n = Negotiated.plain(ASKED);
        assertTrue(n.plain());
        assertEquals(List.of("blksize", "tsize", "timeout", "windowsize"), n.refused());
        assertEquals(List.of(), Negotiated.plain(TftpOptions.PLAIN).refused());
    }

    @Test
    void optionRangesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new TftpOptions(7, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new TftpOptions(65465, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new TftpOptions(0, 65536, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new TftpOptions(0, 0, 256, false));
        assertTrue(TftpOptions.PLAIN.isPlain());
    }
}
