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
}
