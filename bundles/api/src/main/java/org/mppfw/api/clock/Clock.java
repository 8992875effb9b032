package org.mppfw.api.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The phone's time and timers. Components never read the system clock nor start their own
 * timer threads: a test replaces this service with a virtual one and advances it.
 */
@ProviderType
public interface Clock {

    /** The current wall-clock time. */
    Instant now();

    /**
     * The phone's zone at this moment. When the phone's local time follows rules that no named
     * zone carries (the profile's {@code Time_Zone} and {@code Daylight_Saving_Time_Rule}), this
     * is the offset in effect now: for local times at other instants, use {@link #rules()}.
     */
    ZoneId zone();

    /**
     * The phone's local-time rules, for times of day such as {@code Resync_At} and for showing
     * any instant as local time.
     *
     * @since 1.1
     */
    default ZoneRules rules() {
        return zone().getRules();
    }

    /**
     * An instant as the phone's local date and time.
     *
     * @since 1.1
     */
    default OffsetDateTime local(Instant instant) {
        return instant.atOffset(rules().getOffset(instant));
    }

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
