package org.mppfw.testing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition that the test can observe (a log line, a file, a status), checking it
 * every 50 ms; the timeout only bounds a wait that would otherwise hang, nothing is concluded
 * from how long it took.
 */
public final class Await {

    /** How long a condition may take unless the caller says otherwise. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long STEP_MILLIS = 50;

    private Await() {
    }

    /** Waits until {@code condition} holds; fails naming {@code what} if it never does. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        value(what, timeout, () -> condition.getAsBoolean() ? Boolean.TRUE : null, () -> "");
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, TIMEOUT, condition);
    }

    /** The first non-null value of {@code probe}; fails with {@code what} and {@code detail} if none comes. */
    public static <T> T value(String what, Duration timeout, Supplier<T> probe, Supplier<String> detail) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            T v = probe.get();
            if (v != null) {
                return v;
            }
            if (System.nanoTime() - end >= 0) {
                throw new AssertionError("waited in vain for " + what + detailText(detail));
            }
            pause();
        }
    }

    public static <T> T value(String what, Supplier<T> probe) {
        return value(what, TIMEOUT, probe, () -> "");
    }

    /**
     * The list {@code probe} gives once it holds at least {@code atLeast} items and has stopped
     * changing (the same on six checks in a row): servers write a log line after they answered,
     * so a line may come a little after the response. What it holds after ten seconds otherwise.
     */
    public static <T> List<T> settled(Supplier<List<T>> probe, int atLeast) {
        List<T> last = List.of();
        int stable = 0;
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() - end < 0) {
            List<T> now = probe.get();
            stable = Objects.equals(now, last) ? stable + 1 : 0;
            last = now;
            if (now.size() >= atLeast && stable >= 6) {
                return now;
            }
            pause();
        }
        return last;
    }

    private static String detailText(Supplier<String> detail) {
        String d = detail.get();
        return d == null || d.isEmpty() ? "" : ": " + d;
    }

    private static void pause() {
        try {
            Thread.sleep(STEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
