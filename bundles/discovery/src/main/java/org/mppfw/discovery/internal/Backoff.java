package org.mppfw.discovery.internal;

import java.time.Duration;

/**
 * A retry delay that doubles after each failure up to a ceiling, and starts again from the first
 * delay after a success (DHCP retries, activation server queries).
 */
final class Backoff {

    private final Duration max;
    private Duration first;
    private Duration next;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The delay before the next try; the one after it is twice as long, at most the ceiling. */
    Duration next() {
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return wait;
    }

    /** After a success: the next failure waits the first delay again. */
    void reset() {
        next = first;
    }

    /** A new first delay (a setting changed), in effect now. */
    void reset(Duration newFirst) {
        first = newFirst;
        next = newFirst;
    }

    /**
     * The first item of a delay list such as {@code Resync_Error_Retry_Delay} ({@code N} or
     * {@code N+R}, comma-separated), at most {@code max}; {@code fallback} when it gives none or 0.
     */
    static Duration firstItem(String delayList, Duration fallback, Duration max) {
        String v = delayList == null ? "" : delayList.strip();
        int end = 0;
        while (end < v.length() && end < 9 && Character.isDigit(v.charAt(end))) {
            end++;
        }
        long s = end == 0 ? 0 : Long.parseLong(v.substring(0, end));
        return s <= 0 ? fallback : Duration.ofSeconds(Math.min(s, max.toSeconds()));
    }
}
