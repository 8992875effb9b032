package org.mppfw.layout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes that survive a kill or a power cut at any moment: the whole new content goes to a
 * temporary file beside the target ({@link #tempOf}), is forced to disk, renamed over the target
 * in one step, and the folder is forced too. A crash leaves the old file or the new one; a
 * temporary file left behind is never read, and the next write of the same file replaces it.
 * <p>
 * Every file the phone keeps is written so: {@link #write} for the firmware layout's own files
 * (with the test-only fault point {@code state-rename} of {@link FaultPoint} between the synced
 * temporary file and its rename), {@link #save} for the other files, {@link #savePrivate} for
 * those that hold secrets.
 */
public final class Durable {

    /** The suffix of the temporary file of a write in progress. */
    public static final String TMP_SUFFIX = ".tmp";

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private Durable() {
    }

    /** The temporary file used while {@code file} is replaced. */
    public static Path tempOf(Path file) {
        return file.resolveSibling(file.getFileName() + TMP_SUFFIX);
    }

    /**
     * Replaces a file of the firmware layout (state record, boot history, reboot request, attempt
     * record); the fault point {@code state-rename} is reached between the sync and the rename.
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        replace(file, bytes, false, true);
    }

    /** Replaces {@code file} with {@code bytes}, creating its folder if needed. */
    public static void save(Path file, byte[] bytes) throws IOException {
        replace(file, bytes, false, false);
    }

    /** The same, the file readable and writable by its owner only (mode 0600 where there are modes). */
    public static void savePrivate(Path file, byte[] bytes) throws IOException {
        replace(file, bytes, true, false);
    }

    private static void replace(Path file, byte[] bytes, boolean owner, boolean faultPoint) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = tempOf(file);
        // a file left by a crash goes: the new one is created with the right mode, never reused
        Files.deleteIfExists(tmp);
        FileAttribute<?>[] mode = owner && POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PRIVATE_FILE)}
                : new FileAttribute<?>[0];
        try {
            try (FileChannel ch = FileChannel.open(tmp, CREATE, mode)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (faultPoint) {
                FaultPoint.reach(FaultPoint.STATE_RENAME);
            }
            move(tmp, file);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the next write of the file removes it
            }
            throw e;
        }
        syncDir(dir);
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

    /** Forces a folder's entries to disk, where the platform allows it. */
    public static void syncDir(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system syncs a directory; the rename is atomic all the same
        }
    }

    /** Creates a folder (and its parents) whose own mode is 0700 where there are modes; an existing one is kept as it is. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (POSIX) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /** Deletes a tree, stopping at the first entry that cannot be deleted; a missing one is fine. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Deletes what it can of a tree; returns how many entries could not be deleted (0 for a missing tree). */
    public static int deleteTreeAsFarAsPossible(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        int failed = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    failed++;
                }
            }
        }
        return failed;
    }
}
