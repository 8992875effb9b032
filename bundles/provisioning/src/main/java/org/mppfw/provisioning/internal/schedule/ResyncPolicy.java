package org.mppfw.provisioning.internal.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When the next resync runs, as the phone decides it (reference §5.1 and the seed's result
 * table):
 * <ul>
 * <li>after power-on, when {@code Resync_On_Reset} is Yes: at a random moment within
 * {@code Resync_Random_Delay} (units of 20 s); this random delay applies to that first attempt
 * only;</li>
 * <li>after a success (class A, or a file not found when {@code Resync_Fails_On_FNF} is No): at the
 * next {@code Resync_At__HHmm_} plus a random moment of its window when that is set (then
 * {@code Resync_Periodic} is ignored), else after the next item of {@code Resync_Periodic};
 * the periodic timer runs only after a first success;</li>
 * <li>after a failure (class B or C): after the next item of {@code Resync_Error_Retry_Delay},
 * whose last item repeats; a success starts the list again. When retries are disabled (0) a
 * failure schedules no retry: the periodic schedule goes on if it had started (a choice: the
 * reference reads 0 as "never retry" for MPP phones).</li>
 * </ul>
 * Not thread-safe: the engine calls it from its own thread.
 */
public final class ResyncPolicy {

    /** Why a resync runs, as the {@code $PRVST} macro tells it. */
    public enum Reason {
        /** Asked for (shell, web, keypad, SIP): {@code $PRVST} -1. */
        EXPLICIT(-1),
        /** After power-on: 0. */
        POWER_UP(0),
        /** Periodic or {@code Resync_At}: 1. */
        PERIODIC(1),
        /** Retry after a failure: 2. */
        RETRY(2);

        private final int prvst;

        Reason(int prvst) {
            this.prvst = prvst;
        }

        /** The value of {@code $PRVST}. */
        public int prvst() {
            return prvst;
        }
    }

    /** A planned resync. */
    public record Due(Instant at, Reason reason) {
    }

    private final RandomGenerator random;
    private int retryIndex;
    private int periodicIndex;
    private boolean succeeded;

    public ResyncPolicy(RandomGenerator random) {
        this.random = random;
    }

    /** The first resync after power-on, if {@code Resync_On_Reset} asks for one. */
    public Optional<Due> afterPowerUp(Instant now, ScheduleSettings s) {
        if (!s.resyncOnReset()) {
            return Optional.empty();
        }
        return Optional.of(new Due(now.plus(randomUpTo(s.bootRandomDelay())), Reason.POWER_UP));
    }

    /**
     * The next resync after an attempt ended.
     *
     * @param success class A, or file-not-found that {@code Resync_Fails_On_FNF} lets pass
     */
    public Optional<Due> afterAttempt(Instant now, ZoneRules zone, boolean success, ScheduleSettings s) {
        if (success) {
            retryIndex = 0;
            succeeded = true;
            return regular(now, zone, s);
        }
        if (s.errorRetry().disabled()) {
            return succeeded ? regular(now, zone, s) : Optional.empty();
        }
        Duration d = s.errorRetry().delay(retryIndex, random);
        if (retryIndex < Integer.MAX_VALUE) {
            retryIndex++;
        }
        return Optional.of(new Due(now.plus(d), Reason.RETRY));
    }

    /** How many failures in a row the retry list has counted (0 after a success). */
    public int failuresInARow() {
        return retryIndex;
    }

    /** Forgets the history, as after a factory reset. */
    public void reset() {
        retryIndex = 0;
        periodicIndex = 0;
        succeeded = false;
    }

    private Optional<Due> regular(Instant now, ZoneRules zone, ScheduleSettings s) {
        if (s.resyncAt() != null) {
            Instant at = nextOccurrence(now, zone, s.resyncAt());
            return Optional.of(new Due(at.plus(randomUpTo(s.resyncAtWindow())), Reason.PERIODIC));
        }
        if (s.periodic().disabled()) {
            return Optional.empty();
        }
        Duration d = s.periodic().delay(periodicIndex, random);
        if (periodicIndex < Integer.MAX_VALUE) {
            periodicIndex++;
        }
        return Optional.of(new Due(now.plus(d), Reason.PERIODIC));
    }

    /**
     * The first moment after {@code now} whose local time of day is {@code time}. On the night
     * the clock springs forward, a time in the gap runs as much later as the gap is long (02:30
     * runs at 03:30 new time); on the night it falls back, a time that occurs twice runs at its
     * first occurrence only: either way it runs once that day.
     */
    static Instant nextOccurrence(Instant now, ZoneRules zone, LocalTime time) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone.getOffset(now));
        Instant candidate = instant(local.toLocalDate().atTime(time), zone);
        if (!candidate.isAfter(now)) {
            candidate = instant(local.toLocalDate().plusDays(1).atTime(time), zone);
        }
        return candidate;
    }

    private static Instant instant(LocalDateTime local, ZoneRules zone) {
        List<ZoneOffset> valid = zone.getValidOffsets(local);
        if (!valid.isEmpty()) {
            return local.toInstant(valid.get(0));
        }
        ZoneOffsetTransition gap = zone.getTransition(local);
        return local.plus(gap.getDuration()).toInstant(gap.getOffsetAfter());
    }

    private Duration randomUpTo(Duration max) {
        long ms = max.toMillis();
        return ms <= 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(ms + 1));
    }
}
