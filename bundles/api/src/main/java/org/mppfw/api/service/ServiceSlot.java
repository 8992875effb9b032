package org.mppfw.api.service;

import java.time.Duration;
import java.util.Optional;

/**
 * Holds the current instance of a service that a dynamic, optional reference tracks, and lets a
 * caller wait a bounded time for one when the service is being replaced (between the old
 * bundle's stop and the new one's start). The component's bind and unbind methods call
 * {@link #set} and {@link #unset}.
 *
 * @param <T> the service type
 */
public final class ServiceSlot<T> {

    private final String what;
    private T current;

    /** @param what the service's name in messages, for example {@code "profile decoder"} */
    public ServiceSlot(String what) {
        this.what = what;
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
        }
    }

    /** The service now, if there is one. */
    public synchronized Optional<T> get() {
        return Optional.ofNullable(current);
    }

    /** The service, waiting at most {@code wait} for one; empty when none came. */
    public synchronized Optional<T> await(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (current == null) {
            long left = end - System.nanoTime();
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
     * The service, waiting at most {@code wait}.
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
