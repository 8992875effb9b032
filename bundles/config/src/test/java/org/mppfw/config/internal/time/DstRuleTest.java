package org.mppfw.config.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DstRuleTest {

    @Test
    void parsesTheGuidesDefaultLastSundayRule() {
        DstRule r = DstRule.parse("start=3/-1/7/2;end=10/-1/7/2;save=1");
        assertEquals(new DstRule.Change(Month.MARCH, -1, DayOfWeek.SUNDAY, LocalTime.of(2, 0)), r.start());
        assertEquals(new DstRule.Change(Month.OCTOBER, -1, DayOfWeek.SUNDAY, LocalTime.of(2, 0)), r.end());
        assertEquals(Duration.ofHours(1), r.save());
    }

    @Test
    void acceptsTheFormsProfilesUse() {
        // seconds and minutes, spaces and capitals as in the guide's "Start = <start-time>", a trailing ;
        DstRule r = DstRule.parse(" Start = 3/8/7/2:0:0 ; end=11/1/7/2:30;save=1:0:0;");
        assertEquals(LocalTime.of(2, 0), r.start().time());
        assertEquals(LocalTime.of(2, 30), r.end().time());
        assertEquals(Duration.ofHours(1), r.save());
        // the SPA default: no time (midnight); weekday 0 is the exact date; save in h:m and negative
        DstRule spa = DstRule.parse("start=4/1/7;end=10/-1/7;save=1");
        assertEquals(LocalTime.MIDNIGHT, spa.start().time());
        DstRule exact = DstRule.parse("start=4/1/0/2;end=9/+30/0/3;save=-0:30");
        assertNull(exact.start().weekday());
        assertEquals(30, exact.end().day());
        assertEquals(Duration.ofMinutes(-30), exact.save());
    }

    @Test
    void matchesTheTimeZoneDatabaseForRulesItCanExpress() {
        // United States (second Sunday of March, first Sunday of November, 02:00 local)
        same("GMT-06:00", "start=3/8/7/2;end=11/1/7/2;save=1", "America/Chicago");
        // European Union (last Sunday of March 01:00 UTC = 02:00 CET, last Sunday of October 03:00 CEST)
        same("GMT+01:00", "start=3/-1/7/2;end=10/-1/7/3;save=1", "Europe/Paris");
        // southern hemisphere: the end comes first in the year
        same("GMT+10:00", "start=10/1/7/2;end=4/1/7/3;save=1", "Australia/Sydney");
    }

    private static void same(String zone, String rule, String tz) {
        ZoneRules phone = new LocalTimeSettings(zone, "00/00", true, rule).rules();
        ZoneRules real = ZoneId.of(tz).getRules();
        for (int year = 2021; year <= 2035; year++) {
            assertEquals(transitions(real, year), transitions(phone, year), rule + " in " + year);
        }
        Instant t = Instant.parse("2030-01-15T00:00:00Z");
        assertEquals(real.getOffset(t), phone.getOffset(t));
    }

    private static List<ZoneOffsetTransition> transitions(ZoneRules rules, int year) {
        List<ZoneOffsetTransition> list = new ArrayList<>();
        Instant t = LocalDateTime.of(year, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        Instant end = LocalDateTime.of(year + 1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        for (ZoneOffsetTransition x = rules.nextTransition(t); x != null && x.getInstant().isBefore(end);
                x = rules.nextTransition(x.getInstant())) {
            list.add(x);
        }
        return list;
    }

    @Test
    void aZeroSaveIsStandardTimeAllYear() {
        ZoneRules r = new LocalTimeSettings("GMT+03:00", "", true, "start=3/-1/7/2;end=10/-1/7/2;save=0").rules();
        assertTrue(r.isFixedOffset());
        assertEquals(ZoneOffset.ofHours(3), r.getOffset(Instant.parse("2026-07-01T00:00:00Z")));
    }

    @Test
    void refusesWrongRulesSayingWhy() {
        wrong("start=13/1/7/2;end=10/-1/7/2;save=1", "start=: month 13 is not 1-12");
        wrong("start=3/-1/0/2;end=10/-1/7/2;save=1", "start=: weekday 0 (the exact date) takes a positive day");
        wrong("start=3/-1/8/2;end=10/-1/7/2;save=1", "start=: weekday 8 is not 0-7 (1 = Monday, 7 = Sunday)");
        wrong("start=3/-1/7/24;end=10/-1/7/2;save=1", "start=: time 24:0:0 is not HH (0-23), mm and ss (0-59)");
        wrong("start=2/30/0/2;end=10/-1/7/2;save=1", "start=: day 30 is not 1 to 28 or -1 to -28 in February");
        wrong("start=3/0/7/2;end=10/-1/7/2;save=1", "start=: day 0 is not 1 to 31 or -1 to -28 in March");
        wrong("start=3/-1/7/2;save=1", "end= is missing");
        wrong("start=3/-1/7/2;end=10/-1/7/2", "save= is missing");
        wrong("start=3/-1/7/2;end=10/-1/7/2;save=one", "save=one is not [+|-]HH[:mm[:ss]]");
        wrong("start=3-1-7;end=10/-1/7/2;save=1", "start=3-1-7 is not month/day/weekday[/HH[:mm[:ss]]]");
        wrong("begin=3/-1/7/2;end=10/-1/7/2;save=1", "unknown field 'begin' (start=, end= and save= are known)");
        wrong("start=3/-1/7/2;end=3/-1/7/4;save=1", "start and end fall on the same day");
        wrong("America/Chicago", "'America/Chicago' is not start=, end= or save=");
    }

    private static void wrong(String rule, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DstRule.parse(rule), rule);
        assertEquals(message, e.getMessage());
    }

    @Test
    void refusesZonesAndOffsetsItCannotRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LocalTimeSettings("PST", "", false, "").rules());
        assertEquals("Time_Zone 'PST' is not GMT, GMT+hh:mm or GMT-hh:mm", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LocalTimeSettings("GMT", "1:30", false, "").rules());
        assertEquals("Time_Offset__HH_mm_ '1:30' is not HH/mm", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LocalTimeSettings("GMT", "", true, "start=3/-1/7/2").rules());
        assertEquals("Daylight_Saving_Time_Rule 'start=3/-1/7/2': end= is missing", e.getMessage());
        assertEquals(ZoneOffset.ofHoursMinutes(-3, -30),
                new LocalTimeSettings("GMT-03:00", "-00/30", false, "").standard());
        assertEquals(ZoneOffset.UTC, new LocalTimeSettings("gmt", "", true, " ").rules().getOffset(Instant.EPOCH));
    }
}
