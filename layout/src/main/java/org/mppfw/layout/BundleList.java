package org.mppfw.layout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The image's bundle set ({@code etc/bundles.list}): one bundle per line,
 * {@code START-LEVEL PATH}, the path relative to the image; {@code #} starts a comment.
 * Level {@value #SHELL_LEVEL} is the shell and the console, installed in a power-on (with the
 * console shell or {@code --no-shell}), not in a command run. The launcher boots the factory set from it; the upgrade describes the
 * same set from it (the factory set it swaps from, and the manifest of a {@code .loads}).
 */
public final class BundleList {

    /** The list, relative to the image. */
    public static final String FILE = "etc/bundles.list";

    /** Logging and the service loader mediator: started before anything can log. */
    public static final int LOGGING_LEVEL = 1;
    /** Services and the phone's bundles. */
    public static final int SERVICES_LEVEL = 2;
    /** The shell and the running phone's console. */
    public static final int SHELL_LEVEL = 3;

    /**
     * One bundle of the list.
     *
     * @param startLevel its start level
     * @param path       its jar, relative to the root of its set (the image or a slot)
     */
    public record Entry(int startLevel, String path) {
    }

    private final List<Entry> entries;

    private BundleList(List<Entry> entries) {
        this.entries = Collections.unmodifiableList(entries);
    }

    public static BundleList read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses the lines of a bundle list.
     *
     * @throws IllegalArgumentException naming the line of a malformed entry, a path outside the
     *         image or a bundle listed twice
     */
    public static BundleList parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("bundles.list line " + n + ": expected 'START-LEVEL PATH': " + line);
            }
            int level;
            try {
                level = Integer.parseInt(parts[0]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bundles.list line " + n + ": bad start level: " + parts[0]);
            }
            if (level < LOGGING_LEVEL || level > SHELL_LEVEL) {
                throw new IllegalArgumentException("bundles.list line " + n + ": start level must be 1.."
                        + SHELL_LEVEL + ": " + level);
            }
            String path = parts[1].replace('\\', '/');
            if (path.startsWith("/") || path.equals("..") || path.startsWith("../") || path.contains("/../")
                    || !path.endsWith(".jar")) {
                throw new IllegalArgumentException("bundles.list line " + n + ": not a jar inside the image: " + path);
            }
            if (!seen.add(path)) {
                throw new IllegalArgumentException("bundles.list line " + n + ": listed twice: " + path);
            }
            entries.add(new Entry(level, path));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("bundles.list lists no bundle");
        }
        return new BundleList(entries);
    }

    /** All entries, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The entries to install: all of them in a power-on, without the shell in a command run. */
    public List<Entry> forMode(boolean powerOn) {
        return forMode(entries, powerOn);
    }

    /** The entries to install: all of them in a power-on, without the shell in a command run. */
    public static List<Entry> forMode(List<Entry> entries, boolean powerOn) {
        if (powerOn) {
            return entries;
        }
        List<Entry> batch = new ArrayList<>();
        for (Entry e : entries) {
            if (e.startLevel() < SHELL_LEVEL) {
                batch.add(e);
            }
        }
        return batch;
    }

    /** The start level to reach: the highest level among {@code entries}. */
    public static int targetLevel(List<Entry> entries) {
        int max = LOGGING_LEVEL;
        for (Entry e : entries) {
            max = Math.max(max, e.startLevel());
        }
        return max;
    }
}
