package org.mppfw.config.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.mppfw.api.clock.Clock;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real clock: system time and zone, timers on one daemon thread. */
@Component(service = Clock.class, property = "mppfw.clock=system")
public final class SystemClock implements Clock {

    private static final Logger LOG = LoggerFactory.getLogger(SystemClock.class);

    private final ScheduledThreadPoolExecutor timer;

    public SystemClock() {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mppfw-clock");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public ZoneId zone() {
        return ZoneId.systemDefault();
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        long nanos = Math.max(0, saturatedNanos(delay));
        Instant deadline = Instant.now().plusNanos(nanos);
        ScheduledFuture<?> f = timer.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("Timer task {} failed", task, e);
                if (e instanceof VirtualMachineError) {
                    throw (Error) e;
                }
            }
        }, nanos, TimeUnit.NANOSECONDS);
        return new Timer() {
            @Override
            public Instant deadline() {
                return deadline;
            }

            @Override
            public boolean cancel() {
                return f.cancel(false);
            }
        };
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? 0 : Long.MAX_VALUE / 2;
        }
    }
}
