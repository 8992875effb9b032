package org.mppfw.layout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The boot history, {@code <data>/system/boots}: one line per boot of the phone, newest last, the
 * last {@value #KEEP} kept. The launcher adds a line at every power-on and closes it when the run
 * ends; a line still {@code running} at the next boot is marked {@code lost} (a power cut, a kill or
 * a crash ended that run). Rewritten whole on every change ({@link Durable#write}).
 * <p>
 * A command run ({@code mppfw -c}) is not a boot and adds nothing here.
 */
public final class BootHistory {

    public static final String FILE = "system/boots";
    /** Boots kept; a Cisco phone shows the last five of them. */
    public static final int KEEP = 50;

    /** Reason codes (the api's {@code BootReason} names them). */
    public static final String POWER_ON = "power-on";
    public static final String CRASH = "crash";
    public static final String FACTORY_RESET = "factory-reset";
    public static final String TRIAL_GIVEN_UP = "trial-given-up";

    /** Boots that ended {@code lost} in a row, each started within {@link #LOOP_WINDOW} of the next: a boot loop. */
    public static final int LOOP_BOOTS = 5;
    public static final Duration LOOP_WINDOW = Duration.ofMinutes(10);

    private final Path file;
    private final List<BootEntry> entries;

    private BootHistory(Path file, List<BootEntry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Reads the history of a data dir; a missing or damaged file is an empty history (lines that parse are kept). */
    public static BootHistory read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        List<BootEntry> list = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    try {
                        list.add(BootEntry.parse(line));
                    } catch (RuntimeException e) {
                        // a damaged line: the others still tell the story
                    }
                }
            } catch (IOException e) {
                // unreadable: an empty history
            }
        }
        return new BootHistory(file, list);
    }

    /** Oldest first. */
    public List<BootEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The newest boot, or null. */
    public BootEntry last() {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1);
    }

    /** Marks a boot found still running as lost; true if there was one. */
    public boolean closeLost() throws IOException {
        BootEntry last = last();
        if (last == null || !BootEntry.RUNNING.equals(last.end())) {
            return false;
        }
        entries.set(entries.size() - 1, last.ended(BootEntry.LOST));
        write();
        return true;
    }

    /**
     * Whether the phone is in a boot loop: the last {@value #LOOP_BOOTS} boots all ended {@code lost},
     * none of them already answered by a fallback, each within {@link #LOOP_WINDOW} of the next and
     * the newest within it of {@code now}.
     */
    public boolean inLoop(Instant now) {
        if (entries.size() < LOOP_BOOTS) {
            return false;
        }
        Instant next = now;
        for (int i = entries.size() - 1; i >= entries.size() - LOOP_BOOTS; i--) {
            BootEntry e = entries.get(i);
            if (!BootEntry.LOST.equals(e.end()) || !e.action().isEmpty()
                    || Duration.between(e.time(), next).compareTo(LOOP_WINDOW) > 0) {
                return false;
            }
            next = e.time();
        }
        return true;
    }

    /** Adds the boot that starts now (end {@code running}); returns it. */
    public BootEntry add(Instant time, String reason, String detail, String set, String release, boolean trial,
            String action) throws IOException {
        BootEntry last = last();
        BootEntry e = new BootEntry(last == null ? 1 : last.number() + 1, time, reason, detail, set, release, trial,
                BootEntry.RUNNING, action);
        entries.add(e);
        while (entries.size() > KEEP) {
            entries.remove(0);
        }
        write();
        return e;
    }

    /** Closes the boot {@code number} with how it ended, if it is still the running one. */
    public void end(int number, String how) throws IOException {
        BootEntry last = last();
        if (last != null && last.number() == number && BootEntry.RUNNING.equals(last.end())) {
            entries.set(entries.size() - 1, last.ended(how));
            write();
        }
    }

    /** Forgets every boot (a factory reset). */
    public void clear() throws IOException {
        entries.clear();
        write();
    }

    private void write() throws IOException {
        StringBuilder s = new StringBuilder("# mppfw boot history: number, time, reason, set, release, trial, end, detail, action\n");
        for (BootEntry e : entries) {
            s.append(e.line()).append('\n');
        }
        Durable.write(file, s.toString().getBytes(StandardCharsets.UTF_8));
    }
}
