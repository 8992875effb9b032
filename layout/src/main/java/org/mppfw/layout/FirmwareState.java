package org.mppfw.layout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The firmware state record {@code <data>/firmware/state.properties}, read by the launcher at every
 * boot and written by it and by the upgrade bundle. A set is {@code factory} (the image's own
 * bundles) or a slot, {@code a} or {@code b} ({@code <data>/firmware/slots/<slot>/}). Every write
 * is a whole new file, synced, then renamed over the old one ({@link Durable#write}), so a power cut
 * at any moment leaves the old record or the new one: the slot switch is that one rename.
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
        return read(dataDir, problem -> { });
    }

    /** Reads the record, telling {@code problems} why an unreadable one is taken as the initial state. */
    public static FirmwareState read(Path dataDir, Consumer<String> problems) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return initial();
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            problems.accept("the firmware state record is unreadable (" + e.getMessage() + "): booting the factory set");
            return initial();
        }
        String active = set(p, "active");
        if (active == null) {
            if (p.getProperty("active") != null) {
                problems.accept("the firmware state record names an unknown active set '"
                        + p.getProperty("active").trim() + "': booting the factory set");
            }
            active = FACTORY;
        }
        int attempts;
        try {
            attempts = Integer.parseInt(p.getProperty("attempts", "0").trim());
        } catch (NumberFormatException e) {
            attempts = 0;
        }
        String running = set(p, "running");
        return new FirmwareState(active, set(p, "previous"), set(p, "pending"), attempts,
                running == null ? active : running, p.getProperty("note"));
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

    public FirmwareState withActive(String set, String prev) {
        return new FirmwareState(set, prev, pending, attempts, running, note);
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
            s.append("note=").append(escape(note)).append('\n');
        }
        Durable.write(dataDir.resolve(FILE), s.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** One line of a properties file: no line break, a backslash kept as a slash, non-Latin-1 as '?'. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            b.append(c == '\n' || c == '\r' ? ' ' : c == '\\' ? '/' : c > 0xff ? '?' : c);
        }
        return b.toString();
    }
}
