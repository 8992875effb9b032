package org.mppfw.layout;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Login failures back off per source address. The first {@value #FREE_FAILURES} failures from an
 * address cost nothing (a typo); each further one shuts the address out for a delay that doubles,
 * from {@link #FIRST_DELAY_S} seconds up to {@link #MAX_DELAY_S}. While an address is shut out,
 * every attempt from it is refused without looking at the password or key, and counts as one more
 * failure. A success clears the address. Time is a monotonic nanosecond count, so that a change of
 * the wall clock neither opens nor extends a delay. Shared by the logins of the SSH server and of
 * the web pages (each keeps its own instance).
 */
public final class LoginBackoff {

    public static final int FREE_FAILURES = 2;
    public static final long FIRST_DELAY_S = 30;
    public static final long MAX_DELAY_S = 15 * 60;
    /** Addresses remembered at most (the oldest are forgotten first). */
    public static final int MAX_ADDRESSES = 1024;

    private record State(int failures, long until) {
    }

    private final LongSupplier nanos;
    private final Map<InetAddress, State> states = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, State> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    public LoginBackoff(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** Seconds the address is still shut out for, 0 when it may try now. */
    public synchronized long blockedSeconds(InetAddress address) {
        State s = states.get(address);
        if (s == null) {
            return 0;
        }
        long left = s.until - nanos.getAsLong();
        return left <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left));
    }

    /** Records a failure; returns the seconds the address is now shut out for (0: not yet). */
    public synchronized long failed(InetAddress address) {
        State s = states.get(address);
        int failures = s == null ? 1 : s.failures + 1;
        long delay = delaySeconds(failures);
        long until = delay == 0 ? 0 : nanos.getAsLong() + TimeUnit.SECONDS.toNanos(delay);
        states.put(address, new State(failures, until));
        return delay;
    }

    /** A successful login clears the address. */
    public synchronized void succeeded(InetAddress address) {
        states.remove(address);
    }

    /** The addresses shut out now, with the seconds left. */
    public synchronized Map<InetAddress, Long> blocked() {
        Map<InetAddress, Long> out = new LinkedHashMap<>();
        long now = nanos.getAsLong();
        states.forEach((a, s) -> {
            if (s.until - now > 0) {
                out.put(a, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(s.until - now)));
            }
        });
        return out;
    }

    /** The delay after the n-th failure in a row: none for the free ones, then doubling to the cap. */
    public static long delaySeconds(int failures) {
        int over = failures - FREE_FAILURES;
        if (over <= 0) {
            return 0;
        }
        return over > 10 ? MAX_DELAY_S : Math.min(MAX_DELAY_S, FIRST_DELAY_S << (over - 1));
    }
}
