package org.mppfw.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/** Scratch folders of the tests, readable by servers that drop to another user (nobody, www-data, proxy). */
public final class TempDirs {

    private TempDirs() {
    }

    /** A new folder under the system's temp dir, {@code rwxr-xr-x}. */
    public static Path create(String prefix) {
        try {
            Path d = Files.createTempDirectory(prefix);
            open(d);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new folder that is deleted, with everything in it, when the JVM exits. */
    public static Path deletedAtExit(String prefix) {
        Path d = create(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d), "delete " + d.getFileName()));
        return d;
    }

    /** Makes a file {@code rw-r--r--} or a folder {@code rwxr-xr-x}. */
    public static void open(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
    }

    /** Makes a folder writable by anyone (a server that drops to nobody writes into it). */
    public static Path openForWriting(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        return dir;
    }

    /** Writes {@code size} pseudo-random bytes (the same for the same seed) to {@code dir/name}, world-readable. */
    public static Path randomFile(Path dir, String name, int size, long seed) throws IOException {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        Path p = dir.resolve(name);
        Files.write(p, data);
        open(p);
        return p;
    }

    /** Deletes a file or a folder with everything in it; best effort. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // best effort
            }
        }
    }

    /** The file's text, or "" if it does not exist (yet). */
    public static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
