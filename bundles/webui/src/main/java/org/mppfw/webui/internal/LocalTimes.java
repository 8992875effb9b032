package org.mppfw.webui.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.mppfw.api.clock.Clock;

/**
 * Instants as the phone shows them: its local date and time to the second, as {@code prov:history}
 * prints them ({@code 2026-12-07T16:43:10}). Without the clock service, UTC marked {@code Z}.
 */
final class LocalTimes {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private LocalTimes() {
    }

    static String format(Clock clock, Instant t) {
        if (t == null) {
            return "";
        }
        if (clock == null) {
            return LOCAL.format(t.atOffset(ZoneOffset.UTC).withNano(0)) + "Z";
        }
        return LOCAL.format(clock.local(t).withNano(0));
    }
}
