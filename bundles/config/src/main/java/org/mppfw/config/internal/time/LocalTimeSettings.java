package org.mppfw.config.internal.time;

import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters that make the phone's local time, as the profile sets them.
 *
 * @param timeZone  {@code Time_Zone}: {@code GMT}, {@code GMT+hh:mm} or {@code GMT-hh:mm}
 * @param offset    {@code Time_Offset__HH_mm_}: {@code [+|-]HH/mm} added to the zone, blank for none
 * @param dstEnable {@code Daylight_Saving_Time_Enable}
 * @param dstRule   {@code Daylight_Saving_Time_Rule}, blank for none
 */
public record LocalTimeSettings(String timeZone, String offset, boolean dstEnable, String dstRule) {

    public static final String TIME_ZONE = "Time_Zone";
    public static final String TIME_OFFSET = "Time_Offset__HH_mm_";
    public static final String DST_ENABLE = "Daylight_Saving_Time_Enable";
    public static final String DST_RULE = "Daylight_Saving_Time_Rule";
    /** The parameters this record reads. */
    public static final List<String> NAMES = List.of(TIME_ZONE, TIME_OFFSET, DST_ENABLE, DST_RULE);

    private static final Pattern ZONE = Pattern.compile("GMT(?:([+-])(\\d{1,2})(?::(\\d{1,2}))?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OFFSET = Pattern.compile("([+-]?)(\\d{1,2})/(\\d{1,2})");

    /** Reads them from parameter values by name. */
    public static LocalTimeSettings of(Map<String, String> values) {
        return new LocalTimeSettings(values.getOrDefault(TIME_ZONE, ""), values.getOrDefault(TIME_OFFSET, ""),
                "yes".equalsIgnoreCase(values.getOrDefault(DST_ENABLE, "").strip()),
                values.getOrDefault(DST_RULE, ""));
    }

    /** Standard time: the zone plus the offset. */
    public ZoneOffset standard() {
        long seconds = zoneSeconds() + offsetSeconds();
        if (Math.abs(seconds) > ZoneOffset.MAX.getTotalSeconds()) {
            throw new IllegalArgumentException(TIME_ZONE + " plus " + TIME_OFFSET + " is beyond ±18:00");
        }
        return ZoneOffset.ofTotalSeconds((int) seconds);
    }

    /**
     * The rules of the phone's local time: standard time all year, or with the daylight saving
     * time of the rule when it is enabled and set.
     *
     * @throws IllegalArgumentException naming the parameter that is wrong and why
     */
    public ZoneRules rules() {
        ZoneOffset standard = standard();
        if (!dstEnable || dstRule.isBlank()) {
            return ZoneRules.of(standard);
        }
        List<ZoneOffsetTransitionRule> rules;
        try {
            rules = DstRule.parse(dstRule).transitions(standard);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(DST_RULE + " '" + dstRule.strip() + "': " + e.getMessage(), e);
        }
        if (rules.isEmpty()) {
            return ZoneRules.of(standard);
        }
        // The JDK applies the yearly rules only after the last explicit transition: give it the
        // first change of an early year, whose offset before is the one at the start of a year.
        ZoneOffsetTransitionRule first = rules.get(0);
        return ZoneRules.of(standard, first.getOffsetBefore(), List.of(), List.of(first.createTransition(1970)),
                rules);
    }

    private int zoneSeconds() {
        Matcher m = ZONE.matcher(timeZone.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(TIME_ZONE + " '" + timeZone.strip()
                    + "' is not GMT, GMT+hh:mm or GMT-hh:mm");
        }
        if (m.group(1) == null) {
            return 0;
        }
        return signed(m.group(1), m.group(2), m.group(3), TIME_ZONE + " '" + timeZone.strip() + "'");
    }

    private int offsetSeconds() {
        if (offset.isBlank()) {
            return 0;
        }
        Matcher m = OFFSET.matcher(offset.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(TIME_OFFSET + " '" + offset.strip() + "' is not HH/mm");
        }
        return signed(m.group(1), m.group(2), m.group(3), TIME_OFFSET + " '" + offset.strip() + "'");
    }

    private static int signed(String sign, String hours, String minutes, String what) {
        int h = Integer.parseInt(hours);
        int m = minutes == null ? 0 : Integer.parseInt(minutes);
        if (h > 23 || m > 59) {
            throw new IllegalArgumentException(what + ": hours are 0-23 and minutes 0-59");
        }
        int s = h * 3600 + m * 60;
        return "-".equals(sign) ? -s : s;
    }
}
