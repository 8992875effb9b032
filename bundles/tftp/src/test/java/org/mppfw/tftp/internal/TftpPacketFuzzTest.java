package org.mppfw.tftp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes what a server can send: the packet parser and the OACK check. In the normal build
 * only the regression inputs under {@code TftpPacketFuzzTestInputs/} run; {@code JAZZER_FUZZ=1}
 * fuzzes.
 */
class TftpPacketFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        TftpPacket p;
        try {
            p = TftpPacket.parse(input, input.length);
        } catch (MalformedPacketException expected) {
            return;
        }
        byte[] out = new byte[TftpPacket.MAX_PACKET + 16];
        int len = p.encode(out);
        TftpPacket again;
        try {
            again = TftpPacket.parse(out, len);
        } catch (MalformedPacketException e) {
            throw new AssertionError("re-encoded " + p + " does not parse: " + e.getMessage());
        }
        if (p instanceof TftpPacket.Data d) {
            TftpPacket.Data e = (TftpPacket.Data) again;
            assertEquals(d.block(), e.block());
            assertArrayEquals(Arrays.copyOfRange(d.buf(), d.offset(), d.offset() + d.length()),
                    Arrays.copyOfRange(e.buf(), e.offset(), e.offset() + e.length()));
        } else {
            assertEquals(p, again);
        }
        if (p instanceof TftpPacket.Error e) {
            String m = e.printableMessage();
            assertTrue(m.length() <= 120 && m.chars().allMatch(c -> c >= 0x20 && c < 0x7f));
        }
    }

    @FuzzTest(maxDuration = "60s")
    void negotiate(FuzzedDataProvider data) {
        TftpOptions asked = new TftpOptions(data.consumeBoolean() ? data.consumeInt(8, 65464) : 0,
                data.consumeBoolean() ? data.consumeInt(1, 65535) : 0, data.consumeBoolean() ? data.consumeInt(1, 255) : 0,
                data.consumeBoolean());
        boolean write = data.consumeBoolean();
        Map<String, String> oack = new LinkedHashMap<>();
        int n = data.consumeInt(0, 6);
        for (int i = 0; i < n; i++) {
            String name = data.consumeBoolean() ? data.pickValue(new String[] {"blksize", "tsize", "timeout", "windowsize"})
                    : data.consumeString(12);
            oack.put(name, data.consumeString(24));
        }
        Negotiated g;
        try {
            g = Negotiated.accept(asked, oack, write);
        } catch (Negotiated.OptionRejectedException refused) {
            return;
        }
        assertTrue(g.blksize() >= 8 && g.blksize() <= Math.max(512, asked.blksize()));
        assertTrue(g.windowsize() >= 1 && g.windowsize() <= Math.max(1, asked.windowsize()));
        assertTrue(g.timeout() >= 0 && g.timeout() <= 255);
        assertTrue(g.tsize() >= -1);
        assertTrue(oack.keySet().stream().noneMatch(g.refused()::contains));
    }
}
