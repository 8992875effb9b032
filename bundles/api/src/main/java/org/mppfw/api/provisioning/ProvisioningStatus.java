package org.mppfw.api.provisioning;

import java.time.Instant;
import java.util.Optional;

/**
 * The engine's state at one moment.
 *
 * @param state          what it is doing
 * @param last           the latest finished attempt, or null before the first one
 * @param nextResync     when the next resync is due, or null when none is planned
 * @param nextReason     why that one will run ({@code power-up}, {@code periodic}, {@code retry}),
 *                       or null
 * @param failuresInARow failed attempts since the last success
 */
public record ProvisioningStatus(State state, ResyncRecord last, Instant nextResync, String nextReason,
        int failuresInARow) {

    /** What the engine is doing. */
    public enum State {
        /** {@code Provision_Enable} is No. */
        DISABLED,
        /** Waiting for the next resync. */
        IDLE,
        /** A resync is due but a line is busy ({@code Forced_Resync_Delay}). */
        WAITING_FOR_IDLE,
        /** Downloading and applying. */
        RESYNCING
    }

    public Optional<ResyncRecord> lastAttempt() {
        return Optional.ofNullable(last);
    }

    public Optional<Instant> next() {
        return Optional.ofNullable(nextResync);
    }
}
