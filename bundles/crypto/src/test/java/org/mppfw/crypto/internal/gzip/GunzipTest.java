package org.mppfw.crypto.internal.gzip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.mppfw.api.profile.DecodeException;
import org.mppfw.crypto.internal.Samples;

class GunzipTest {

    @Test
    void zipBombEndsInAClearError() throws IOException {
        // 64 MiB of zeros in about 64 KiB
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos, 64 * 1024)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros);
            }
        }
        assertTrue(bos.size() < 1 << 20);
        Gunzip.Opened o = Gunzip.open(new ByteArrayInputStream(bos.toByteArray()), 4 << 20);
        assertTrue(o.gzip());
        DecodeException e = assertThrows(DecodeException.class, () -> drain(o.stream()));
        assertEquals("gzip: the inflated profile is larger than the limit of 4194304 bytes", e.getMessage());
    }

    @Test
    void exactlyTheLimitPasses() throws IOException {
        byte[] p = Samples.profile(10_000);
        assertArrayEquals(p, Gunzip.open(new ByteArrayInputStream(Samples.gzip(p)), 10_000).stream().readAllBytes());
        assertArrayEquals(p, Gunzip.open(new ByteArrayInputStream(p), 10_000).stream().readAllBytes());
        assertThrows(DecodeException.class,
                () -> Gunzip.open(new ByteArrayInputStream(Samples.gzip(p)), 9_999).stream().readAllBytes());
        DecodeException plain = assertThrows(DecodeException.class,
                () -> Gunzip.open(new ByteArrayInputStream(p), 9_999).stream().readAllBytes());
        assertTrue(plain.getMessage().contains("decoded profile is larger"), plain.getMessage());
    }

    @Test
    void plainPassesThrough() throws IOException {
        for (byte[] p : new byte[][] {new byte[0], {0x1f}, {0x1f, 0x00}, Samples.profile(100)}) {
            Gunzip.Opened o = Gunzip.open(new ByteArrayInputStream(p), 1000);
            assertFalse(o.gzip());
            assertArrayEquals(p, o.stream().readAllBytes());
        }
    }

    @Test
    void corruptAndTruncatedGzipAreNamed() throws IOException {
        byte[] gz = Samples.gzip(Samples.profile(50_000));
        byte[] crc = gz.clone();
        crc[crc.length - 6] ^= 1;
        assertTrue(assertThrows(DecodeException.class, () -> drain(Gunzip.open(new ByteArrayInputStream(crc), 1 << 20).stream()))
                .getMessage().startsWith("gzip: corrupt"));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        assertEquals("gzip: truncated stream", assertThrows(DecodeException.class,
                () -> drain(Gunzip.open(new ByteArrayInputStream(cut), 1 << 20).stream())).getMessage());
        byte[] body = gz.clone();
        body[40] ^= (byte) 0xff;
        assertThrows(DecodeException.class, () -> drain(Gunzip.open(new ByteArrayInputStream(body), 1 << 20).stream()));
        byte[] header = {0x1f, (byte) 0x8b, 7, 0, 0, 0, 0, 0, 0, 0};
        assertTrue(assertThrows(DecodeException.class, () -> Gunzip.open(new ByteArrayInputStream(header), 100))
                .getMessage().startsWith("gzip: invalid header"));
    }

    static long drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0;) {
            total += n;
        }
        return total;
    }
}
