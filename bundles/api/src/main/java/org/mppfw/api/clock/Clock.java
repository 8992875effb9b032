package org.mppfw.api.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The phone's time and timers. Components never read the system clock nor start their own
 * timer threads: a test replaces this service with a virtual one and advances it.
 */
@ProviderType
public interface Clock {

    /** The current wall-clock time. */
    Instant now();

    /** The phone's time zone, for times of day such as {@code Resync_At}. */
    ZoneId zone();

    /**
     * Runs a task once after a delay on the clock's timer thread. A task that throws is logged
     * and does not stop the timer.
     *
     * @return a handle to cancel it
     */
    Timer schedule(Duration delay, Runnable task);

    /** A scheduled task. */
    @ProviderType
    interface Timer {

        /** When it is due. */
        Instant deadline();

        /** Cancels it; returns false if it already ran or was cancelled. */
        boolean cancel();
    }
}
