package org.mppfw.api.service;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Holds the current instance of a service that a dynamic, optional reference tracks, and lets a
 * caller wait a bounded time for one when the service is being replaced (between the old
 * bundle's stop and the new one's start). The component's bind and unbind methods call
 * {@link #set} and {@link #unset}.
 *
 * <p>A wait counts from the moment the slot became empty (its creation, or the unset of the
 * last instance), not from the call: a service that has been gone for longer than the wait is
 * not being replaced but absent, and a caller learns that at once instead of waiting again at
 * each use.
 *
 * @param <T> the service type
 */
public final class ServiceSlot<T> {

    private final String what;
    private final LongSupplier nanos;
    private T current;
    private long emptySince;

    /** @param what the service's name in messages, for example {@code "profile decoder"} */
    public ServiceSlot(String what) {
        this(what, System::nanoTime);
    }

    /** A slot that reads the time from {@code nanos} (tests that cannot wait minutes). */
    ServiceSlot(String what, LongSupplier nanos) {
        this.what = what;
        this.nanos = nanos;
        this.emptySince = nanos.getAsLong();
    }

    /** A slot holding {@code service} from the start (plain objects built without DS, tests). */
    public static <T> ServiceSlot<T> of(String what, T service) {
        ServiceSlot<T> s = new ServiceSlot<>(what);
        if (service != null) {
            s.set(service);
        }
        return s;
    }

    public synchronized void set(T service) {
        current = service;
        notifyAll();
    }

    /** Clears the slot if it holds {@code service} (a later instance may already have replaced it). */
    public synchronized void unset(T service) {
        if (current == service) {
            current = null;
            emptySince = nanos.getAsLong();
        }
    }

    /** The service now, if there is one. */
    public synchronized Optional<T> get() {
        return Optional.ofNullable(current);
    }

    /**
     * The service, waiting for one at most until {@code wait} after the slot became empty;
     * empty when none came.
     */
    public synchronized Optional<T> await(Duration wait) {
        long end = emptySince + wait.toNanos();
        while (current == null) {
            long left = end - nanos.getAsLong();
            if (left <= 0) {
                break;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.ofNullable(current);
    }

    /**
     * The service, waiting as {@link #await} does.
     *
     * @throws X from {@code missing} (given the message "no NAME is running") when none came
     */
    public <X extends Exception> T require(Duration wait, java.util.function.Function<String, X> missing) throws X {
        Optional<T> t = await(wait);
        if (t.isEmpty()) {
            throw missing.apply("no " + what + " is running");
        }
        return t.get();
    }

    @Override
    public String toString() {
        return what;
    }
}
