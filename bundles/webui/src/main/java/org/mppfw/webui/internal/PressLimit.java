package org.mppfw.webui.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How fast one web session may press the phone's keys: a bucket of {@value #BURST} presses per
 * session, refilled at {@value #PER_SECOND} a second. A person clicking, even fast, stays far below
 * it; a script hammering the keypad gets 429 for the presses above it, and those are not pressed.
 * The buckets are in memory, at most as many as there are sessions.
 */
final class PressLimit {

    static final int PER_SECOND = 20;
    static final int BURST = 20;
    private static final long NANOS_PER_PRESS = TimeUnit.SECONDS.toNanos(1) / PER_SECOND;

    /** A session's bucket: the presses left, as of {@code at}. */
    private record Bucket(double left, long at) {
    }

    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > Sessions.MAX_SESSIONS;
        }
    };

    PressLimit(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** Whether the session may press a key now; if so, the press is counted. */
    synchronized boolean allow(String session) {
        long now = nanos.getAsLong();
        Bucket b = buckets.get(session);
        double left = b == null ? BURST : Math.min(BURST, b.left() + (double) (now - b.at()) / NANOS_PER_PRESS);
        if (left < 1) {
            buckets.put(session, new Bucket(left, now));
            return false;
        }
        buckets.put(session, new Bucket(left - 1, now));
        return true;
    }
}
