package org.mppfw.log.internal;

import java.util.Locale;
import java.util.Optional;

import ch.qos.logback.classic.Level;

/**
 * The values of {@code Debug_Level}, the syslog severities, and the SLF4J level from which each
 * lets a line into the ring. SLF4J has no notice level: the phone's info lines are its notices
 * (a resync, an upgrade, a {@code Log_*} message), so NOTICE and INFO both let them in; the
 * severities above ERROR are errors. Older templates write {@code 0}..{@code 3} (3 the most
 * verbose): 0 is the default, 1 info, 2 and 3 debug.
 */
enum DebugLevel {
    EMERGENCY(Level.ERROR), ALERT(Level.ERROR), CRITICAL(Level.ERROR), ERROR(Level.ERROR),
    WARNING(Level.WARN), NOTICE(Level.INFO), INFO(Level.INFO), DEBUG(Level.DEBUG);

    /** The factory value. */
    static final DebugLevel DEFAULT = NOTICE;

    private static final DebugLevel[] NUMBERED = {NOTICE, INFO, DEBUG, DEBUG};

    final Level threshold;

    DebugLevel(Level threshold) {
        this.threshold = threshold;
    }

    /** The level a value names: a severity in any case, or 0..3; empty is the default, anything else none. */
    static Optional<DebugLevel> parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return Optional.of(DEFAULT);
        }
        if (v.length() == 1 && v.charAt(0) >= '0' && v.charAt(0) <= '3') {
            return Optional.of(NUMBERED[v.charAt(0) - '0']);
        }
        for (DebugLevel l : values()) {
            if (l.name().equals(v.toUpperCase(Locale.ROOT))) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
