package org.mppfw.api.firmware;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The upgrade machinery at one moment.
 *
 * @param phase       what it is doing
 * @param percent     progress of the phase, 0..100, or -1 when unknown
 * @param target      the version or URL being installed, empty when idle
 * @param lastAttempt when the last attempt started ({@code $UPGTMR} counts from it), or null
 * @param lastResult  how the last attempt ended ({@code $UPGERR}), empty if none
 * @param upgst       {@code $UPGST}: 1 for a first attempt of a URL, 2 for a retry
 */
public record UpgradeStatus(Phase phase, int percent, String target, Instant lastAttempt, String lastResult,
        int upgst) {

    /** What the upgrade machinery is doing. */
    public enum Phase {
        /** Nothing to do. */
        IDLE,
        /** An upgrade is due but a line is busy. */
        WAITING_FOR_IDLE,
        /** Fetching the image. */
        DOWNLOADING,
        /** Checking signature, model, versions and hashes. */
        VERIFYING,
        /** Replacing bundles. */
        INSTALLING,
        /** The new set runs; waiting for every bundle and component to come up. */
        CHECKING,
        /** Putting the previous set back after a failed check. */
        ROLLING_BACK
    }

    public UpgradeStatus {
        Objects.requireNonNull(phase);
        Objects.requireNonNull(target);
        Objects.requireNonNull(lastResult);
    }

    /** Nothing happening and nothing attempted. */
    public static UpgradeStatus idle() {
        return new UpgradeStatus(Phase.IDLE, -1, "", null, "", 1);
    }

    public Optional<Instant> lastAttemptTime() {
        return Optional.ofNullable(lastAttempt);
    }

    /** Whether an upgrade is under way (any phase but {@link Phase#IDLE}). */
    public boolean busy() {
        return phase != Phase.IDLE;
    }
}
