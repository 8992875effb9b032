package org.mppfw.upgrade.internal.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.mppfw.api.power.BootReason;
import org.mppfw.api.power.Power;
import org.mppfw.layout.FaultPoint;
import org.mppfw.layout.FirmwareState;
import org.mppfw.upgrade.internal.sets.BundleSet;
import org.mppfw.upgrade.internal.state.AttemptRecord;
import org.mppfw.upgrade.internal.swap.BundleSwapper;
import org.mppfw.upgrade.internal.swap.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a reboot into a set on trial: checks it once the launcher has started every bundle, and
 * commits it, or gives it up by a restart into the committed set through the power service.
 * Never a swap back in place: the bundles stay exactly the set the launcher booted until the
 * phone restarts. A check that runs out of time while bundles are still starting is not a
 * failure (it goes on), and one cut short by a shutdown leaves the set on trial for the next boot.
 */
final class TrialCheck {

    private static final Logger LOG = LoggerFactory.getLogger(TrialCheck.class);

    private final Firmware firmware;
    private final BundleSwapper swapper;
    private final Services services;
    private final BootFacts boot;
    /** Set while a set on trial is given up: the reboot asked for waits for the state record. */
    private volatile boolean givingUp;

    TrialCheck(Firmware firmware, BundleSwapper swapper, Services services, BootFacts boot) {
        this.firmware = firmware;
        this.swapper = swapper;
        this.services = services;
        this.boot = boot;
    }

    /** Whether the set on trial is being given up (the phone stops for the reboot that does it). */
    boolean givingUp() {
        return givingUp;
    }

    /**
     * Runs the check.
     *
     * @param checking told the release checked, before the wait for the boot's end
     * @param stopped  whether the component stopped
     * @return the outcome to report, empty when there is none (the phone stopped, or restarts)
     */
    Optional<Outcome> run(Consumer<String> checking, BooleanSupplier stopped) {
        Path data = firmware.dataDir();
        try {
            FirmwareState st = FirmwareState.read(data);
            BundleSet trial = firmware.sets().load(st.pending());
            String release = trial.version().release();
            checking.accept(release);
            if (!swapper.awaitBootComplete(boot.targetLevel(), stopped)) {
                LOG.warn("the phone stopped before firmware {} had started: it stays on trial for the next boot", release);
                return Optional.empty();
            }
            FaultPoint.reach(FaultPoint.CHECK);
            HealthCheck.Result h;
            while (true) {
                h = new HealthCheck(swapper.system()).await(trial, swapper.frameworkLevel(), boot.healthTimeout());
                if (h.healthy()) {
                    break;
                }
                if (stopped.getAsBoolean() || swapper.stopping()) {
                    LOG.warn("the phone stopped during the check of firmware {}: it stays on trial for the next boot",
                            release);
                    return Optional.empty();
                }
                if (!h.starting()) {
                    break;
                }
                LOG.warn("firmware {} is still starting after {} s ({}): checking on", release,
                        boot.healthTimeout().toSeconds(), h.summary());
            }
            if (h.healthy()) {
                FirmwareState.read(data).committed(st.pending()).write(data);
                Outcome o = new Outcome(Outcome.Kind.UPGRADED, "upgraded to " + release + " (checked after a restart)");
                LOG.info("{}", o.text());
                record(o);
                return Optional.of(o);
            }
            giveUp(release, h);
            return Optional.empty();
        } catch (IOException e) {
            Outcome o = Outcome.failed("the check of the firmware on trial failed: " + e.getMessage());
            LOG.error("{}", o.text());
            return Optional.of(o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void giveUp(String release, HealthCheck.Result h) throws IOException {
        Outcome o = new Outcome(Outcome.Kind.FAILED_CHECK, "firmware " + release
                + " failed its health check after a restart and was given up: " + h.summary());
        LOG.error("{}; restarting into the committed set", o.text());
        // the reboot's reason is written first: until pending is cleared below, a power cut boots
        // the set on trial again (one attempt less), never a mix; the framework's stop waits for
        // this thread (the component's deactivation) before the launcher boots again
        givingUp = true;
        try {
            restart("firmware " + release + " failed its health check: " + h.summary());
            Path data = firmware.dataDir();
            FirmwareState.read(data).withPending(null, 0)
                    .withNote("firmware " + release + " failed its health check after a restart: " + h.summary())
                    .write(data);
            record(o);
        } finally {
            givingUp = false;
        }
    }

    /** The check's outcome becomes the last attempt's. */
    private void record(Outcome o) throws IOException {
        AttemptRecord last = AttemptRecord.read(firmware.dataDir());
        if (last != null) {
            new AttemptRecord(last.rule(), last.url(), last.started(), o.ok(), o.text(),
                    o.ok() ? 0 : last.failures() + 1).write(firmware.dataDir());
        }
    }

    /** Restarts the phone through the power service; without one, the next power-on boots the committed set. */
    private void restart(String detail) {
        Power p = services.power().get().orElse(null);
        if (p == null) {
            LOG.error("no power service to restart the phone: the committed set boots at the next power-on");
            return;
        }
        p.reboot(BootReason.TRIAL_GIVEN_UP, detail);
    }
}
