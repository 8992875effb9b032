package org.mppfw.tftp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TftpPacketTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static TftpPacket parse(String s) throws MalformedPacketException {
        byte[] b = bytes(s);
        return TftpPacket.parse(b, b.length);
    }

    @Test
    void requestWithOptionsEncodesAsOnTheWire() throws Exception {
        byte[] out = new byte[600];
        int len = new TftpPacket.Request(false, "cfg/spa504G.xml", "octet",
                new TftpOptions(1428, 8, 1, true).toRequest(0)).encode(out);
        assertEquals("\0\1cfg/spa504G.xml\0octet\0blksize\0001428\0tsize\0000\0timeout\0001\0windowsize\0008\0",
                new String(out, 0, len, StandardCharsets.ISO_8859_1));
        TftpPacket.Request r = (TftpPacket.Request) TftpPacket.parse(out, len);
        assertEquals(Map.of("blksize", "1428", "tsize", "0", "timeout", "1", "windowsize", "8"), r.options());
        assertEquals(List.of("blksize", "tsize", "timeout", "windowsize"), List.copyOf(r.options().keySet()));
    }

    @Test
    void parsesEachKind() throws Exception {
        assertEquals(new TftpPacket.Ack(65535), parse("\0\4\377\377"));
        assertEquals(new TftpPacket.Error(1, "File not found"), parse("\0\5\0\1File not found\0"));
        assertEquals(new TftpPacket.Error(2, "no nul"), parse("\0\5\0\2no nul"));
        assertEquals(new TftpPacket.Oack(Map.of("blksize", "2263", "tsize", "5")), parse("\0\6BLKSIZE\0002263\0tsize\0005\0"));
        TftpPacket.Data d = (TftpPacket.Data) parse("\0\3\1\2abc");
        assertEquals(0x102, d.block());
        assertArrayEquals(bytes("abc"), Arrays.copyOfRange(d.buf(), d.offset(), d.offset() + d.length()));
        assertEquals(0, ((TftpPacket.Data) parse("\0\3\0\7")).length());
        assertTrue(((TftpPacket.Request) parse("\0\2up.xml\0octet\0")).write());
    }

    @Test
    void rejectsMalformedPackets() {
        for (String bad : List.of("", "\0", "\0\3\0", "\0\4\0\1\0", "\0\4\0", "\0\7\0\1", "\0\1file", "\0\1file\0octet",
                "\0\1f\0octet\0blksize\0", "\0\6blksize\0512", "\0\6\0512\0", "\0\6a\0001\0A\0002\0", "\0\5\0")) {
            assertThrows(MalformedPacketException.class, () -> parse(bad), () -> bad.replace("\0", "\\0"));
        }
        byte[] huge = new byte[TftpPacket.MAX_PACKET + 1];
        huge[1] = 3;
        assertThrows(MalformedPacketException.class, () -> TftpPacket.parse(huge, huge.length));
    }

    @Test
    void errorMessagesArePrintable() {
        assertEquals("a?b", new TftpPacket.Error(0, "a\nb").printableMessage());
        assertEquals(120, new TftpPacket.Error(0, "x".repeat(500)).printableMessage().length());
    }

    @Test
    void unwrapsBlockNumbersAcrossRollover() {
        assertEquals(65536, ReadTransfer.unwrap(0, 65536));
        assertEquals(65535, ReadTransfer.unwrap(65535, 65536));
        assertEquals(65537, ReadTransfer.unwrap(1, 65535));
        assertEquals(5, ReadTransfer.unwrap(5, 7));
        assertEquals(131072 + 3, ReadTransfer.unwrap(3, 131072 + 1));
    }
}
