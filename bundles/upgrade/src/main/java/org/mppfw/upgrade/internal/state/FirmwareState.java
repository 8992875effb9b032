package org.mppfw.upgrade.internal.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The firmware state record {@code <data>/firmware/state.properties}, shared with the launcher
 * (which reads it at every boot and keeps its own copy of this small format, since it is not a
 * bundle). A set is {@code factory} (the image's bundles) or a slot {@code a} / {@code b}.
 *
 * @param active   the committed set, booted when nothing is pending
 * @param previous the set a rollback returns to, or null
 * @param pending  the set on trial, or null; the launcher boots it while {@code attempts} last
 * @param attempts boots the pending set has left
 * @param running  the set installed in the framework now
 * @param note     the launcher's or the upgrade's last word on a fallback, or null
 */
public record FirmwareState(String active, String previous, String pending, int attempts, String running,
        String note) {

    public static final String FACTORY = "factory";
    public static final String FILE = "firmware/state.properties";
    /** Boots a new set gets before the launcher gives it up. */
    public static final int BOOT_ATTEMPTS = 3;

    public static FirmwareState initial() {
        return new FirmwareState(FACTORY, null, null, 0, FACTORY, null);
    }

    public static boolean isSetName(String s) {
        return FACTORY.equals(s) || "a".equals(s) || "b".equals(s);
    }

    /** Reads the record; an absent or unreadable one is the initial state. */
    public static FirmwareState read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return initial();
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return initial();
        }
        String active = set(p, "active");
        String pending = set(p, "pending");
        int attempts;
        try {
            attempts = Integer.parseInt(p.getProperty("attempts", "0").trim());
        } catch (NumberFormatException e) {
            attempts = 0;
        }
        String running = set(p, "running");
        active = active == null ? FACTORY : active;
        return new FirmwareState(active, set(p, "previous"), pending, attempts, running == null ? active : running,
                p.getProperty("note"));
    }

    private static String set(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null || !isSetName(v.trim()) ? null : v.trim();
    }

    /** The slot a new image goes into: the one that is neither committed nor running. */
    public String freeSlot() {
        return !"a".equals(active) && !"a".equals(running) ? "a" : "b";
    }

    public FirmwareState withPending(String set, int left) {
        return new FirmwareState(active, previous, set, left, running, note);
    }

    public FirmwareState withRunning(String set) {
        return new FirmwareState(active, previous, pending, attempts, set, note);
    }

    public FirmwareState withPrevious(String set) {
        return new FirmwareState(active, set, pending, attempts, running, note);
    }

    public FirmwareState withNote(String text) {
        return new FirmwareState(active, previous, pending, attempts, running, text);
    }

    /** The pending set becomes the committed one; the old committed one is what a rollback returns to. */
    public FirmwareState committed(String set) {
        return new FirmwareState(set, active.equals(set) ? previous : active, null, 0, set, null);
    }

    /** Writes the record atomically (temp file, fsync, rename, fsync of the dir). */
    public void write(Path dataDir) throws IOException {
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
        Durable.write(dataDir.resolve(FILE), s.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
}
