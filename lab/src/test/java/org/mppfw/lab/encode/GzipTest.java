package org.mppfw.lab.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mppfw.testing.Commands;

/** The lab's gzip against the real {@code gunzip} and the phone's decoder. */
class GzipTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 200, 100000})
    void gunzipAndThePhoneInflateIt(int size) throws IOException {
        byte[] plain = size == 0 ? new byte[0] : Phone.profile(size);
        byte[] gz = Gzip.gzip(plain);
        Files.write(dir.resolve("p.gz"), gz);
        Commands.ok(dir, "gunzip", "-f", "p.gz");
        assertArrayEquals(plain, Files.readAllBytes(dir.resolve("p")));

        StringBuilder how = new StringBuilder();
        assertArrayEquals(plain, Phone.decode(gz, null, null, null, how));
        assertEquals("plain + gzip", how.toString());
    }
}
