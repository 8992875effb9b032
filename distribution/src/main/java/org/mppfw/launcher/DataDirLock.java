package org.mppfw.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.mppfw.layout.ConsoleAddress;
import org.mppfw.layout.Durable;

/**
 * One phone per data dir: an exclusive lock on {@code <data>/run/lock}, held from before the boot
 * until the framework has stopped; the kernel releases it when the Java runtime ends, a kill -9
 * included. Java's file locks are POSIX record locks, which closing any other channel on the same
 * file drops: the lock file is opened by nothing else, and who holds it (PID and kind of run) is
 * written to a file of its own, {@code <data>/run/pid}.
 */
final class DataDirLock implements AutoCloseable {

    /** A power-on: the phone runs until stopped and takes commands on its console socket. */
    static final String POWER_ON = "power-on";
    /** A command run ({@code -c} with no phone running). */
    static final String COMMAND_RUN = "command-run";

    static final String LOCK_FILE = "lock";
    static final String PID_FILE = "pid";

    /** Who holds the lock: its process and its kind of run ({@link #POWER_ON}, {@link #COMMAND_RUN}). */
    record Holder(long pid, String run) {
        boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    private final Path runDir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path runDir, FileChannel channel, FileLock lock) {
        this.runDir = runDir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock if no other phone holds it. */
    static Optional<DataDirLock> tryTake(Path dataDir, String run) throws IOException {
        return take(dataDir, run, false);
    }

    /** Takes the lock, waiting for the run that holds it to end. */
    static DataDirLock await(Path dataDir, String run) throws IOException {
        return take(dataDir, run, true).orElseThrow();
    }

    private static Optional<DataDirLock> take(Path dataDir, String run, boolean wait) throws IOException {
        Path runDir = ConsoleAddress.runDir(dataDir);
        FileChannel channel = FileChannel.open(runDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            lock = wait ? channel.lock() : channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // held in this Java runtime
        } finally {
            if (lock == null) {
                channel.close();
            }
        }
        if (lock == null) {
            return Optional.empty();
        }
        Durable.save(runDir.resolve(PID_FILE),
                (ProcessHandle.current().pid() + " " + run + "\n").getBytes(StandardCharsets.US_ASCII));
        return Optional.of(new DataDirLock(runDir, channel, lock));
    }

    /**
     * Who holds the lock of {@code dataDir}, read from its PID file; empty when the file is not
     * there (yet: the holder writes it right after taking the lock) or not readable.
     */
    static Optional<Holder> holder(Path dataDir) {
        try {
            String[] f = Files.readString(dataDir.resolve(ConsoleAddress.RUN_DIR).resolve(PID_FILE),
                    StandardCharsets.US_ASCII).trim().split("\\s+");
            return Optional.of(new Holder(Long.parseLong(f[0]), f.length > 1 ? f[1] : POWER_ON));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            Log.debug(e);
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(runDir.resolve(PID_FILE));
        } catch (IOException e) {
            Log.debug(e);
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            Log.debug(e);
        }
    }
}
