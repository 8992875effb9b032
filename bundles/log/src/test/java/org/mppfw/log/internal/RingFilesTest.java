package org.mppfw.log.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RingFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void theLastLinesAcrossTheCurrentFileAndItsPredecessorsOldestFirst() throws IOException {
        write("phone.log.3", "1", "2");
        write("phone.log.2", "3", "4");
        write("phone.log.1", "5");
        Path current = write("phone.log", "6", "7");
        assertEquals(List.of("6", "7"), RingFiles.tail(current, 2));
        assertEquals(List.of("4", "5", "6", "7"), RingFiles.tail(current, 4));
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), RingFiles.tail(current, 100));
        assertEquals(List.of(), RingFiles.tail(current, 0));
    }

    @Test
    void aYoungRingAndAMissingCurrentFile() throws IOException {
        Path current = dir.resolve("phone.log");
        assertEquals(List.of(), RingFiles.tail(current, 5));
        write("phone.log.1", "a", "b");
        assertEquals(List.of("a", "b"), RingFiles.tail(current, 5));
    }

    @Test
    void aGapEndsTheRingAndAPartialLastLineIsALine() throws IOException {
        write("phone.log.3", "lost");
        write("phone.log.1", "x");
        Path current = dir.resolve("phone.log");
        Files.write(current, new byte[] {'y', '\n', 'z', (byte) 0xC3}); // killed in the middle of a character
        assertEquals(List.of("x", "y", "z\uFFFD"), RingFiles.tail(current, 10));
    }
}
