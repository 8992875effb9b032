package org.mppfw.http.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.core5.concurrent.Cancellable;

/** The total time an exchange may take, body included: when it passes, the connection is aborted. */
final class Deadline implements AutoCloseable {

    private final Duration limit;
    private final AtomicBoolean expired = new AtomicBoolean();
    private final AtomicReference<Cancellable> current = new AtomicReference<>();
    private final ScheduledFuture<?> task;

    Deadline(ScheduledExecutorService timer, Duration limit) {
        this.limit = limit;
        this.task = timer.schedule(this::expire, Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** The request in flight, aborted if the deadline passes. */
    void watch(Cancellable request) {
        current.set(request);
        if (expired.get()) {
            request.cancel();
        }
    }

    private void expire() {
        expired.set(true);
        Cancellable c = current.get();
        if (c != null) {
            c.cancel();
        }
    }

    boolean expired() {
        return expired.get();
    }

    Duration limit() {
        return limit;
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
