package org.mppfw.layout;

import java.time.Instant;

/**
 * One boot of the phone in the boot history.
 *
 * @param number  counts every boot since the history began (a factory reset starts it again)
 * @param time    when the launcher booted
 * @param reason  why: one of the {@code BootHistory} reason codes
 * @param detail  what asked for it or what the launcher found, one line, may be empty
 * @param set     the bundle set booted ({@code factory}, {@code a}, {@code b})
 * @param release its firmware release
 * @param trial   whether the set was on trial
 * @param end     how the run ended: {@code running}, {@code stopped}, {@code rebooted} or {@code lost}
 * @param action  what the launcher decided at this boot besides booting (a fallback), may be empty
 */
public record BootEntry(int number, Instant time, String reason, String detail, String set, String release,
        boolean trial, String end, String action) {

    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";
    public static final String REBOOTED = "rebooted";
    /** Found still running by the next boot: a power cut, a kill or a crash ended it. */
    public static final String LOST = "lost";

    public BootEntry {
        detail = detail == null ? "" : FirmwareState.escape(detail).replace('\t', ' ');
        action = action == null ? "" : FirmwareState.escape(action).replace('\t', ' ');
    }

    BootEntry ended(String how) {
        return new BootEntry(number, time, reason, detail, set, release, trial, how, action);
    }

    String line() {
        return String.join("\t", Integer.toString(number), time.toString(), reason, set, release,
                Boolean.toString(trial), end, detail, action);
    }

    static BootEntry parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 9) {
            throw new IllegalArgumentException("a boot history line has " + f.length + " fields");
        }
        return new BootEntry(Integer.parseInt(f[0]), Instant.parse(f[1]), f[2], f[7], f[3], f[4],
                Boolean.parseBoolean(f[5]), f[6], f[8]);
    }
}
