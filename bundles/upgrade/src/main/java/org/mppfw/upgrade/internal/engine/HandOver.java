package org.mppfw.upgrade.internal.engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.layout.FirmwareState;

/**
 * The hand-over between two instances of the upgrade component. A swap that replaces the upgrade
 * bundle itself (or the config bundle, whose clock the engine's timers run on) stops the
 * component that started it; that instance's thread finishes the swap, the check and the commit
 * on its own. The instance that starts meanwhile finds the state record pending in a framework
 * that has finished booting: it looks at the record every {@link #POLL} until the swap is done,
 * then carries on as if it had run the attempt (status, syslog, the resync after it, the next
 * stage). A manual upgrade asked for meanwhile is queued until then.
 */
final class HandOver {

    /** How often a component whose swap is finished by another instance looks at the state record. */
    static final Duration POLL = Duration.ofSeconds(1);

    private final Firmware firmware;
    private final Clock clock;
    private volatile boolean waiting;
    private volatile String queued;

    HandOver(Firmware firmware, Clock clock) {
        this.firmware = firmware;
        this.clock = clock;
    }

    /** Whether a swap of another instance is being waited for. */
    boolean waiting() {
        return waiting;
    }

    /** Queues a manual upgrade until the swap is done. */
    void queue(String url) {
        queued = url;
    }

    /** The status to show while the other instance finishes: checking the pending set. */
    UpgradeStatus checking(UpgradeStatus now) {
        if (now.phase() != UpgradeStatus.Phase.IDLE) {
            return now;
        }
        FirmwareState st = firmware.state();
        FirmwareVersion v = st.pending() == null ? null : firmware.sets().versionOf(st.pending());
        return new UpgradeStatus(UpgradeStatus.Phase.CHECKING, -1, v == null ? "" : v.release(), now.lastAttempt(),
                now.lastResult(), now.upgst());
    }

    /**
     * Polls the state record until the swap is done, then calls {@code done} with the manual
     * upgrade queued meanwhile (or null), on the clock's thread.
     *
     * @param timers where the poll's timer is kept, so that the component can cancel it
     */
    void await(BooleanSupplier active, Consumer<Clock.Timer> timers, Consumer<String> done) {
        waiting = true;
        timers.accept(clock.schedule(POLL, () -> {
            if (!active.getAsBoolean()) {
                return;
            }
            if (firmware.state().pending() != null) {
                await(active, timers, done);
                return;
            }
            waiting = false;
            String next = queued;
            queued = null;
            done.accept(next);
        }));
    }
}
