package org.mppfw.config.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.config.internal.time.PhoneZone;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real clock: the host's time, the phone's local time as the profile sets it
 * ({@code Time_Zone}, {@code Time_Offset__HH_mm_}, the daylight saving time rule, followed live),
 * timers on one daemon thread.
 */
@Component(service = {Clock.class, ParameterListener.class}, property = {"mppfw.clock=system",
    ParameterListener.NAMES + "=Time_Zone", ParameterListener.NAMES + "=Time_Offset__HH_mm_",
    ParameterListener.NAMES + "=Daylight_Saving_Time_Enable", ParameterListener.NAMES + "=Daylight_Saving_Time_Rule"})
public final class SystemClock implements Clock, ParameterListener {

    private static final Logger LOG = LoggerFactory.getLogger(SystemClock.class);

    private final ScheduledThreadPoolExecutor timer;
    private final ParameterStore store;
    private final PhoneZone zone;

    @Activate
    public SystemClock(@Reference ParameterStore store) {
        this.store = store;
        this.zone = new PhoneZone(store.values());
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
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        zone.update(store.values());
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public ZoneId zone() {
        return rules().getOffset(now());
    }

    @Override
    public ZoneRules rules() {
        return zone.rules();
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
