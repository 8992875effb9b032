package org.mppfw.api.firmware;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The phone's bundle sets at one moment, as the firmware state record has them: a set is
 * {@code factory} (the image's own bundles) or a slot, {@code a} or {@code b}.
 *
 * @param active       the committed set, booted when nothing is pending
 * @param running      the set installed in the framework now
 * @param previous     the set a rollback returns to, or null
 * @param pending      the set on trial, or null
 * @param attemptsLeft boots the pending set has left (0 when none is pending)
 * @param note         the launcher's or the upgrade's last word on a fallback, or null
 * @param lastAttempt  the last upgrade attempt, or null when none was made
 * @since 1.2
 */
public record FirmwareSets(SetInfo active, SetInfo running, SetInfo previous, SetInfo pending, int attemptsLeft,
        String note, Attempt lastAttempt) {

    public FirmwareSets {
        Objects.requireNonNull(active);
        Objects.requireNonNull(running);
    }

    /**
     * One set.
     *
     * @param name    {@code factory}, {@code a} or {@code b}
     * @param version its release, or null when its manifest cannot be read
     */
    public record SetInfo(String name, FirmwareVersion version) {

        public SetInfo {
            Objects.requireNonNull(name);
        }

        /** {@code a (12-0-2MPP0001-1)}, or the name alone when the version is unknown. */
        @Override
        public String toString() {
            return name + (version == null ? "" : " (" + version.release() + ")");
        }
    }

    /**
     * An upgrade attempt as recorded when it ended.
     *
     * @param url     the image's URL (scheme, server, port, path; never credentials)
     * @param started when it started
     * @param ok      whether it ended with the image committed (or already running)
     * @param result  how it ended ({@code $UPGERR})
     */
    public record Attempt(String url, Instant started, boolean ok, String result) {

        public Attempt {
            Objects.requireNonNull(url);
            Objects.requireNonNull(started);
            Objects.requireNonNull(result);
        }
    }

    public Optional<SetInfo> previousSet() {
        return Optional.ofNullable(previous);
    }

    public Optional<SetInfo> pendingSet() {
        return Optional.ofNullable(pending);
    }

    public Optional<Attempt> last() {
        return Optional.ofNullable(lastAttempt);
    }
}
