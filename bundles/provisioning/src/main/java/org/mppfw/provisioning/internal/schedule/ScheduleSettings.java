package org.mppfw.provisioning.internal.schedule;

import java.time.Duration;
import java.time.LocalTime;
import java.util.function.Function;

/**
 * The resync schedule parameters, read at one moment.
 *
 * @param resyncOnReset       {@code Resync_On_Reset}
 * @param bootRandomDelay     {@code Resync_Random_Delay} as a duration: the parameter counts
 *                            units of 20 seconds (2 = 40 s), the reading confirmed for MPP phones
 * @param resyncAt            {@code Resync_At__HHmm_}, or null when empty ({@code 2400} is midnight)
 * @param resyncAtWindow      {@code Resync_At_Random_Delay}; a value below 600 s behaves as 600
 * @param periodic            {@code Resync_Periodic}
 * @param errorRetry          {@code Resync_Error_Retry_Delay}
 * @param forcedResyncDelay   {@code Forced_Resync_Delay}: the longest a due resync waits for idle lines
 * @param failsOnFileNotFound {@code Resync_Fails_On_FNF}
 */
public record ScheduleSettings(boolean resyncOnReset, Duration bootRandomDelay, LocalTime resyncAt,
        Duration resyncAtWindow, DelayList periodic, DelayList errorRetry, Duration forcedResyncDelay,
        boolean failsOnFileNotFound) {

    /** Seconds in one unit of {@code Resync_Random_Delay}. */
    public static final int RANDOM_DELAY_UNIT_SECONDS = 20;

    /** The smallest {@code Resync_At} window. */
    public static final Duration MIN_RESYNC_AT_WINDOW = Duration.ofSeconds(600);

    /**
     * Reads the settings from parameter values ({@code name -> value}; null for a parameter the
     * store does not know, which takes its factory default). A value the store would never hold
     * (it validates on write) falls back to the default too.
     */
    public static ScheduleSettings from(Function<String, String> params) {
        return new ScheduleSettings(
                yes(params.apply("Resync_On_Reset"), true),
                Duration.ofSeconds(RANDOM_DELAY_UNIT_SECONDS * integer(params.apply("Resync_Random_Delay"), 2)),
                timeOfDay(params.apply("Resync_At__HHmm_")),
                max(Duration.ofSeconds(integer(params.apply("Resync_At_Random_Delay"), 600)), MIN_RESYNC_AT_WINDOW),
                list(params.apply("Resync_Periodic"), "3600"),
                list(params.apply("Resync_Error_Retry_Delay"), "60,120,240,480,960,1920,3840,7680,15360,30720,61440,86400"),
                Duration.ofSeconds(integer(params.apply("Forced_Resync_Delay"), 14400)),
                yes(params.apply("Resync_Fails_On_FNF"), true));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** A Yes/No parameter value; {@code dflt} when unset. */
    public static boolean yes(String v, boolean dflt) {
        if (v == null || v.isBlank()) {
            return dflt;
        }
        return v.trim().equalsIgnoreCase("yes") || v.trim().equalsIgnoreCase("true") || v.trim().equals("1");
    }

    static long integer(String v, long dflt) {
        try {
            return v == null || v.isBlank() ? dflt : Math.max(0, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    static DelayList list(String v, String dflt) {
        try {
            return DelayList.parse(v == null ? dflt : v);
        } catch (IllegalArgumentException e) {
            return DelayList.parse(dflt);
        }
    }

    /** {@code HHmm} from 0000 to 2400 (2400 is midnight), else null. */
    static LocalTime timeOfDay(String v) {
        if (v == null || v.trim().length() != 4 || !v.trim().chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int hh = Integer.parseInt(v.trim().substring(0, 2));
        int mm = Integer.parseInt(v.trim().substring(2));
        if (hh == 24 && mm == 0) {
            return LocalTime.MIDNIGHT;
        }
        return hh < 24 && mm < 60 ? LocalTime.of(hh, mm) : null;
    }
}
