package org.mppfw.report.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterStore;

/**
 * When the phone reports by itself ({@code Report_to_Server}): {@code On Local Change}, once
 * {@code Upload_Delay_On_Local_Change} seconds after the first local change that no report has
 * covered yet (the changes of those seconds go out together in one report); {@code Periodically},
 * every {@code periodic_upload_to_server} seconds; {@code On Request}, never by itself. A local
 * change is one that no resync made: by the admin (shell, web), the user, TR-069 or a factory reset,
 * not by a profile ({@link ChangeSource#PROFILE}) or a rule's assignments ({@link ChangeSource#SYSTEM}).
 * Nothing is sent while {@code Report_Rule} is empty. Timers run on the phone's {@link Clock}; the
 * report itself runs on {@code executor}.
 */
final class ReportTriggers {

    static final String MODE = "Report_to_Server";
    static final String DELAY = "Upload_Delay_On_Local_Change";
    static final String PERIOD = "periodic_upload_to_server";

    private final Clock clock;
    private final ParameterStore store;
    private final Executor executor;
    private final Runnable send;
    private Clock.Timer pendingLocal;
    private Clock.Timer periodic;
    private boolean stopped;

    ReportTriggers(Clock clock, ParameterStore store, Executor executor, Runnable send) {
        this.clock = clock;
        this.store = store;
        this.executor = executor;
        this.send = send;
    }

    /** Arms the periodic timer per the current parameters (at start and when they change). */
    synchronized void configure() {
        if (periodic != null) {
            periodic.cancel();
            periodic = null;
        }
        if (!stopped && "Periodically".equals(store.get(MODE))) {
            periodic = clock.schedule(Duration.ofSeconds(seconds(PERIOD, 3600)), this::periodicTick);
        }
        if (pendingLocal != null && !"On Local Change".equals(store.get(MODE))) {
            pendingLocal.cancel();
            pendingLocal = null;
        }
    }

    /** Tells of committed changes. */
    void changed(List<ParameterChange> changes, ChangeSource source) {
        if (changes.stream().anyMatch(c -> c.name().equals(MODE) || c.name().equals(PERIOD))) {
            configure();
        }
        if (source == ChangeSource.PROFILE || source == ChangeSource.SYSTEM) {
            return;
        }
        synchronized (this) {
            if (stopped || pendingLocal != null || !"On Local Change".equals(store.get(MODE))) {
                return;
            }
            pendingLocal = clock.schedule(Duration.ofSeconds(seconds(DELAY, 60)), this::localTick);
        }
    }

    synchronized void stop() {
        stopped = true;
        if (periodic != null) {
            periodic.cancel();
        }
        if (pendingLocal != null) {
            pendingLocal.cancel();
        }
    }

    private void localTick() {
        synchronized (this) {
            pendingLocal = null;
            if (stopped) {
                return;
            }
        }
        fire();
    }

    private void periodicTick() {
        synchronized (this) {
            periodic = null;
            if (stopped) {
                return;
            }
            configure();
        }
        fire();
    }

    private void fire() {
        if (!store.get("Report_Rule").isBlank()) {
            executor.execute(send);
        }
    }

    private int seconds(String name, int fallback) {
        try {
            return Math.max(1, Integer.parseInt(store.get(name).strip()));
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
