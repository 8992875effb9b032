package org.mppfw.upgrade.internal.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;

import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.layout.FaultPoint;
import org.mppfw.layout.FirmwareState;
import org.mppfw.upgrade.internal.sets.BundleSet;
import org.mppfw.upgrade.internal.swap.BundleSwapper;
import org.mppfw.upgrade.internal.swap.HealthCheck;
import org.mppfw.upgrade.internal.swap.SwapException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the running framework from one bundle set to another, in place: the state record says
 * first what a reboot should do (the new set pending, on trial), then the bundles that differ are
 * swapped, the new set is checked, and it is committed, or the previous set is swapped back.
 * <p>
 * The swap may stop the component that started it (when it replaces the upgrade bundle, or the
 * config bundle): the thread finishes the swap, the check and the commit on its own, and tells
 * the status only while {@code active} holds.
 */
final class SetSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(SetSwitch.class);

    private final Firmware firmware;
    private final BundleSwapper swapper;
    private final Duration healthTimeout;
    private final BiConsumer<UpgradeStatus.Phase, String> phase;

    /**
     * @param phase publishes a phase of the switch (INSTALLING, CHECKING, ROLLING_BACK) and its
     *              target, while the component is active
     */
    SetSwitch(Firmware firmware, BundleSwapper swapper, Duration healthTimeout,
            BiConsumer<UpgradeStatus.Phase, String> phase) {
        this.firmware = firmware;
        this.swapper = swapper;
        this.healthTimeout = healthTimeout;
        this.phase = phase;
    }

    /** Marks a slot pending (so that a reboot tries it) and swaps it in for the running set. */
    Outcome swapIn(String slot) throws IOException {
        Path data = firmware.dataDir();
        FirmwareState st = FirmwareState.read(data);
        BundleSet from = firmware.sets().load(st.running());
        BundleSet to = firmware.sets().load(slot);
        st.withPending(slot, FirmwareState.BOOT_ATTEMPTS).write(data);
        return switchTo(from, to, slot, false);
    }

    /** Swaps back to the previous set and commits it after its check. */
    Outcome rollback() throws IOException {
        FirmwareState st = firmware.state();
        BundleSet from = firmware.sets().load(st.running());
        BundleSet to = firmware.sets().load(st.previous());
        return switchTo(from, to, st.previous(), true);
    }

    /**
     * Swaps from {@code from} to {@code to} (slot {@code slot}) in the running framework, checks it,
     * and commits or swaps back. The state record must already say what a reboot should do.
     */
    private Outcome switchTo(BundleSet from, BundleSet to, String slot, boolean rollback) {
        Path data = firmware.dataDir();
        FirmwareState st = FirmwareState.read(data);
        if (st.pending() == null) {
            // a rollback: on trial until checked, a reboot meanwhile boots it too
            try {
                st.withPending(slot, FirmwareState.BOOT_ATTEMPTS).write(data);
            } catch (IOException e) {
                return Outcome.failed("cannot write the firmware state: " + e.getMessage());
            }
        }
        String target = to.version().release();
        phase.accept(UpgradeStatus.Phase.INSTALLING, target);
        BundleSwapper.Plan plan = swapper.plan(from, to);
        LOG.info("{} to {}: {}", rollback ? "rollback" : "upgrade", target, plan);
        HealthCheck.Result health = swapAndCheck(plan, to, slot, target);
        try {
            if (health.healthy()) {
                FirmwareState.read(data).committed(slot).write(data);
                return rollback ? new Outcome(Outcome.Kind.ROLLED_BACK, "rolled back to " + target + " (" + plan + ")")
                        : new Outcome(Outcome.Kind.UPGRADED, "upgraded to " + target + " (" + plan + ")");
            }
            if (swapper.stopping()) {
                // not the new set's fault: the next boot tries it again (it is pending, with its boot attempts)
                LOG.warn("the phone stopped during the check of firmware {}: it stays on trial for the next boot", target);
                return new Outcome(Outcome.Kind.STAYS_ON_TRIAL,
                        "firmware " + target + " stays on trial: the phone stopped during its check");
            }
            LOG.error("firmware {} failed its health check: {}", target, health.summary());
            phase.accept(UpgradeStatus.Phase.ROLLING_BACK, target);
            FirmwareState.read(data).withPending(null, 0).withNote("firmware " + target + " failed its health check")
                    .write(data);
            try {
                swapper.apply(swapper.plan(to, from), healthTimeout);
            } catch (SwapException e) {
                LOG.error("swapping back to {} failed: {}; the next boot runs it whole", from.version(), e.getMessage());
            }
            FirmwareState.read(data).withRunning(from.name()).write(data);
            return new Outcome(Outcome.Kind.FAILED_CHECK, "firmware " + target
                    + " failed its health check and was rolled back to " + from.version().release() + ": "
                    + health.summary());
        } catch (IOException e) {
            return Outcome.failed("cannot write the firmware state: " + e.getMessage());
        }
    }

    private HealthCheck.Result swapAndCheck(BundleSwapper.Plan plan, BundleSet to, String slot, String target) {
        Path data = firmware.dataDir();
        try {
            List<String> warnings = swapper.apply(plan, healthTimeout);
            warnings.forEach(w -> LOG.warn("{}", w));
            FirmwareState.read(data).withRunning(slot).write(data);
            phase.accept(UpgradeStatus.Phase.CHECKING, target);
            FaultPoint.reach(FaultPoint.CHECK);
            return new HealthCheck(swapper.system()).await(to, swapper.frameworkLevel(), healthTimeout);
        } catch (SwapException | IOException e) {
            return new HealthCheck.Result(false, List.of(e.getMessage()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HealthCheck.Result(false, List.of("interrupted"), false);
        }
    }
}
