package org.mppfw.config.internal.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneOffsetTransitionRule.TimeDefinition;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cisco's {@code Daylight_Saving_Time_Rule}: {@code start=<change>;end=<change>;save=<save>}, a
 * change being {@code month/day/weekday[/HH[:mm[:ss]]]} and the save {@code [+|-]HH[:mm[:ss]]}.
 *
 * @param start when daylight saving time starts, in standard local time
 * @param end   when it ends, in daylight saving local time
 * @param save  what it adds to standard time (negative subtracts)
 */
public record DstRule(Change start, Change end, Duration save) {

    private static final Pattern CHANGE = Pattern.compile(
            "(\\d{1,2})/([+-]?\\d{1,2})/(\\d)(?:/(\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2}))?)?)?");
    private static final Pattern SAVE = Pattern.compile("/?([+-]?)(\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2}))?)?");

    /**
     * A start or an end: on {@code day} of {@code month} when {@code weekday} is null, else on
     * the first {@code weekday} on or after {@code day} (positive) or on or before the
     * {@code -day}th day counted from the end of the month (negative, -1 = the last day).
     */
    public record Change(Month month, int day, DayOfWeek weekday, LocalTime time) {

        ZoneOffsetTransitionRule rule(ZoneOffset standard, ZoneOffset before, ZoneOffset after) {
            return ZoneOffsetTransitionRule.of(month, day, weekday, time, false, TimeDefinition.WALL, standard,
                    before, after);
        }

        /** Where it falls in a year, to order the start and the end. */
        int order() {
            return month.getValue() * 100 + (day > 0 ? day : 50 + day);
        }
    }

    /**
     * Parses a rule.
     *
     * @throws IllegalArgumentException saying what is wrong, in terms of the rule's own text
     */
    public static DstRule parse(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String field : text.split(";")) {
            if (field.isBlank()) {
                continue;
            }
            int eq = field.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + field.strip() + "' is not start=, end= or save=");
            }
            String key = field.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!List.of("start", "end", "save").contains(key)) {
                throw new IllegalArgumentException("unknown field '" + key + "' (start=, end= and save= are known)");
            }
            if (fields.put(key, field.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException(key + "= is given twice");
            }
        }
        for (String key : List.of("start", "end", "save")) {
            if (!fields.containsKey(key)) {
                throw new IllegalArgumentException(key + "= is missing");
            }
        }
        Change start = change("start", fields.get("start"));
        Change end = change("end", fields.get("end"));
        if (start.month() == end.month() && start.day() == end.day() && start.weekday() == end.weekday()) {
            throw new IllegalArgumentException("start and end fall on the same day");
        }
        return new DstRule(start, end, save(fields.get("save")));
    }

    /**
     * The transition rules of this rule from a standard offset, in the order they fall in a
     * year; none when the save is zero.
     *
     * @throws IllegalArgumentException if standard time plus the save leaves the ±18:00 range
     */
    public List<ZoneOffsetTransitionRule> transitions(ZoneOffset standard) {
        if (save.isZero()) {
            return List.of();
        }
        long daylight = standard.getTotalSeconds() + save.getSeconds();
        if (Math.abs(daylight) > ZoneOffset.MAX.getTotalSeconds()) {
            throw new IllegalArgumentException("standard time " + standard + " plus save= is beyond ±18:00");
        }
        ZoneOffset dst = ZoneOffset.ofTotalSeconds((int) daylight);
        record Ordered(int order, ZoneOffsetTransitionRule rule) {
        }
        return Stream.of(new Ordered(start.order(), start.rule(standard, standard, dst)),
                new Ordered(end.order(), end.rule(standard, dst, standard)))
                .sorted(Comparator.comparingInt(Ordered::order)).map(Ordered::rule).toList();
    }

    private static Change change(String key, String text) {
        Matcher m = CHANGE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(key + "=" + text + " is not month/day/weekday[/HH[:mm[:ss]]]");
        }
        int month = Integer.parseInt(m.group(1));
        int day = Integer.parseInt(m.group(2));
        int weekday = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException(key + "=: month " + month + " is not 1-12");
        }
        Month mo = Month.of(month);
        if (day == 0 || day > mo.minLength() || day < -28) {
            throw new IllegalArgumentException(key + "=: day " + day + " is not 1 to " + mo.minLength()
                    + " or -1 to -28 in " + mo.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        }
        if (weekday > 7) {
            throw new IllegalArgumentException(key + "=: weekday " + weekday + " is not 0-7 (1 = Monday, 7 = Sunday)");
        }
        if (weekday == 0 && day < 0) {
            throw new IllegalArgumentException(key + "=: weekday 0 (the exact date) takes a positive day");
        }
        LocalTime time = time(key, m.group(4), m.group(5), m.group(6));
        return new Change(mo, day, weekday == 0 ? null : DayOfWeek.of(weekday), time);
    }

    private static LocalTime time(String key, String h, String m, String s) {
        int hh = h == null ? 0 : Integer.parseInt(h);
        int mm = m == null ? 0 : Integer.parseInt(m);
        int ss = s == null ? 0 : Integer.parseInt(s);
        if (hh > 23 || mm > 59 || ss > 59) {
            throw new IllegalArgumentException(key + "=: time " + hh + ":" + mm + ":" + ss
                    + " is not HH (0-23), mm and ss (0-59)");
        }
        return LocalTime.of(hh, mm, ss);
    }

    private static Duration save(String text) {
        Matcher m = SAVE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("save=" + text + " is not [+|-]HH[:mm[:ss]]");
        }
        int hh = Integer.parseInt(m.group(2));
        int mm = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int ss = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        if (hh > 23 || mm > 59 || ss > 59) {
            throw new IllegalArgumentException("save=" + text + " is not HH (0-23), mm and ss (0-59)");
        }
        Duration d = Duration.ofHours(hh).plusMinutes(mm).plusSeconds(ss);
        return "-".equals(m.group(1)) ? d.negated() : d;
    }
}
