package org.mppfw.layout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that survive a kill or a power cut at any moment: whole new file, fsync, rename. The
 * test-only fault point {@code state-rename} ({@link FaultPoint}) stops the phone between the
 * synced temp file and its rename.
 */
public final class Durable {

    private Durable() {
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(bytes);
        }
        sync(tmp);
        FaultPoint.reach(FaultPoint.STATE_RENAME);
        move(tmp, file);
        syncDir(file.getParent());
    }

    /** Renames atomically where the file system can. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Syncs every regular file under {@code dir} and the dirs themselves. */
    public static void syncTree(Path dir) throws IOException {
        try (DirectoryStream<Path> d = Files.newDirectoryStream(dir)) {
            for (Path p : d) {
                if (Files.isDirectory(p)) {
                    syncTree(p);
                } else if (Files.isRegularFile(p)) {
                    sync(p);
                }
            }
        }
        syncDir(dir);
    }

    public static void syncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every file system syncs a directory; the rename is atomic all the same
        }
    }

    /** Deletes a tree; a missing one is fine. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
