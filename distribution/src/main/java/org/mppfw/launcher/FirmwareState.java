package org.mppfw.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The firmware state record, {@code <data>/firmware/state.properties}: which bundle set is
 * committed ({@code active}), which one an upgrade is trying ({@code pending}) and how many boots
 * it has left ({@code attempts}), which one a rollback returns to ({@code previous}), and which one
 * is installed right now ({@code running}). A set is {@code factory} (the image's own bundles) or
 * a slot, {@code a} or {@code b} ({@code <data>/firmware/slots/<slot>/}).
 * <p>
 * The upgrade bundle writes the same record (it cannot share this class: the launcher is not a
 * bundle); every write is a whole new file, synced, then renamed over the old one, so a kill at
 * any moment leaves the old record or the new one.
 *
 * @param active   the committed set
 * @param previous the set a rollback returns to, or null
 * @param pending  the set on trial, or null
 * @param attempts boots the pending set has left
 * @param running  the set installed in the framework now
 * @param note     why the launcher last fell back, or null
 */
record FirmwareState(String active, String previous, String pending, int attempts, String running, String note) {

    static final String FACTORY = "factory";
    static final String FILE = "firmware/state.properties";

    static FirmwareState initial() {
        return new FirmwareState(FACTORY, null, null, 0, FACTORY, null);
    }

    static boolean isSetName(String s) {
        return FACTORY.equals(s) || "a".equals(s) || "b".equals(s);
    }

    /** Reads the record; an absent or unreadable one is the initial state (the factory set). */
    static FirmwareState read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return initial();
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            Log.error("the firmware state record is unreadable (" + e.getMessage() + "): booting the factory set");
            return initial();
        }
        String active = p.getProperty("active", FACTORY).trim();
        if (!isSetName(active)) {
            Log.error("the firmware state record names an unknown active set '" + active + "': booting the factory set");
            active = FACTORY;
        }
        String previous = set(p, "previous");
        String pending = set(p, "pending");
        int attempts;
        try {
            attempts = Integer.parseInt(p.getProperty("attempts", "0").trim());
        } catch (NumberFormatException e) {
            attempts = 0;
        }
        String running = set(p, "running");
        return new FirmwareState(active, previous, pending, attempts, running == null ? active : running,
                p.getProperty("note"));
    }

    private static String set(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null || !isSetName(v.trim()) ? null : v.trim();
    }

    FirmwareState withPending(String set, int left) {
        return new FirmwareState(active, previous, set, left, running, note);
    }

    FirmwareState withRunning(String set) {
        return new FirmwareState(active, previous, pending, attempts, set, note);
    }

    FirmwareState withNote(String text) {
        return new FirmwareState(active, previous, pending, attempts, running, text);
    }

    FirmwareState withActive(String set, String prev) {
        return new FirmwareState(set, prev, pending, attempts, running, note);
    }

    /** Writes the record atomically: temp file, fsync, rename, fsync of the dir. */
    void write(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        Files.createDirectories(file.getParent());
        StringBuilder s = new StringBuilder("# mppfw firmware state: written by the launcher and the upgrade bundle\n");
        s.append("active=").append(active).append('\n');
        if (previous != null) {
            s.append("previous=").append(previous).append('\n');
        }
        if (pending != null) {
            s.append("pending=").append(pending).append('\n');
            s.append("attempts=").append(attempts).append('\n');
        }
        s.append("running=").append(running).append('\n');
        if (note != null && !note.isBlank()) {
            s.append("note=").append(note.replace('\n', ' ').replace('\\', '/')).append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(s.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the rename is still atomic
        }
    }
}
