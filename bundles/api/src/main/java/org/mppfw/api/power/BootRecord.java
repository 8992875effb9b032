package org.mppfw.api.power;

import java.time.Instant;

/**
 * One boot of the phone.
 *
 * @param number  counts the boots since the history began (a factory reset starts it again)
 * @param time    when the phone booted
 * @param reason  why
 * @param detail  what asked for it, or what the launcher found (may be empty)
 * @param set     the bundle set booted: {@code factory}, {@code a} or {@code b}
 * @param release its firmware release, e.g. {@code 12-0-2MPP0001-1}
 * @param trial   whether that set was on trial (an upgrade not yet committed)
 * @param end     how the run ended: {@code running} (the current one), {@code stopped},
 *                {@code rebooted}, or {@code lost} (a power cut, a kill or a crash)
 * @param action  what the launcher decided at that boot besides booting (a fallback), may be empty
 */
public record BootRecord(int number, Instant time, BootReason reason, String detail, String set, String release,
        boolean trial, String end, String action) {
}
