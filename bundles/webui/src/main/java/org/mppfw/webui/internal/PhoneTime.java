package org.mppfw.webui.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Optional;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ParameterStore;

/**
 * Times as the phone's pages show them: the phone's local time (its {@code Time_Zone},
 * {@code Time_Offset__HH_mm_} and daylight saving rule, through the {@link Clock}), to the second,
 * as the guides print the Reboot History: {@code [08/13/14 06:12:38]}, that is month/day/year of two
 * digits and a 24-hour time. {@code Date_Format} {@code day/month} puts the day first, as it does on
 * the phone's screen. Without a clock (not running yet), times show in UTC with a {@code UTC} suffix,
 * so that they are never taken for local ones.
 */
final class PhoneTime {

    static final String DATE_FORMAT = "Date_Format";
    private static final DateTimeFormatter MONTH_FIRST = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss");
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss");

    /** UTC, month first: what a page shows before the clock and the store are there. */
    static final PhoneTime UTC = new PhoneTime(null, false);

    private final ZoneRules rules;
    private final boolean dayFirst;

    /**
     * @param rules    the phone's local-time rules, or null for UTC (marked as such)
     * @param dayFirst {@code Date_Format} is {@code day/month}
     */
    PhoneTime(ZoneRules rules, boolean dayFirst) {
        this.rules = rules;
        this.dayFirst = dayFirst;
    }

    /** The phone's format now: its clock's rules (UTC when null) and the store's {@code Date_Format}. */
    static PhoneTime of(Clock clock, ParameterStore store) {
        boolean dayFirst = store.definition(DATE_FORMAT).isPresent()
                && store.get(DATE_FORMAT).trim().toLowerCase(Locale.ROOT).startsWith("day");
        return new PhoneTime(clock == null ? null : clock.rules(), dayFirst);
    }

    /** The instant as local date and time to the second, e.g. {@code 12/07/26 16:40:05}. */
    String format(Instant t) {
        if (t == null) {
            return "";
        }
        DateTimeFormatter f = dayFirst ? DAY_FIRST : MONTH_FIRST;
        if (rules == null) {
            return f.format(t.atOffset(ZoneOffset.UTC)) + " UTC";
        }
        return f.format(t.atOffset(rules.getOffset(t)));
    }

    /** The optional instant formatted, or {@code none}. */
    String format(Optional<Instant> t) {
        return t.map(this::format).orElse("none");
    }
}
