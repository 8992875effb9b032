package org.mppfw.upgrade.internal.engine;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mppfw.api.firmware.FirmwareListener;
import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.upgrade.internal.state.AttemptRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade's status ({@code $UPGST}, {@code $UPGERR}, the LCD's progress screens) and the
 * listeners it is published to. A listener that joins during an upgrade learns where it is.
 */
public final class StatusBoard {

    private static final Logger LOG = LoggerFactory.getLogger(StatusBoard.class);

    private final List<FirmwareListener> listeners = new CopyOnWriteArrayList<>();
    private volatile UpgradeStatus status;

    /** A board showing the last attempt recorded in the data dir. */
    public StatusBoard(AttemptRecord last) {
        this.status = last == null ? new UpgradeStatus(UpgradeStatus.Phase.IDLE, -1, "", null, "", 1) : fromRecord(last);
    }

    static UpgradeStatus fromRecord(AttemptRecord last) {
        return new UpgradeStatus(UpgradeStatus.Phase.IDLE, -1, "", last.started(), last.result(), last.ok() ? 1 : 2);
    }

    public UpgradeStatus now() {
        return status;
    }

    public void addListener(FirmwareListener l) {
        listeners.add(l);
        UpgradeStatus s = status;
        if (s.busy()) {
            tell(l, s);
        }
    }

    public void removeListener(FirmwareListener l) {
        listeners.remove(l);
    }

    /** Sets the status and tells every listener. */
    public void publish(UpgradeStatus s) {
        status = s;
        for (FirmwareListener l : listeners) {
            tell(l, s);
        }
    }

    /** Sets the status without telling anyone (an instance that was replaced keeps quiet). */
    void set(UpgradeStatus s) {
        status = s;
    }

    /** A phase of the running attempt, keeping the last attempt's fields. */
    UpgradeStatus phase(UpgradeStatus.Phase phase, int percent, String target) {
        UpgradeStatus s = status;
        return new UpgradeStatus(phase, percent, target, s.lastAttempt(), s.lastResult(), s.upgst());
    }

    /** A phase of an attempt that started at {@code started}. */
    UpgradeStatus attempt(UpgradeStatus.Phase phase, int percent, String url, Instant started, int upgst) {
        return new UpgradeStatus(phase, percent, url, started, status.lastResult(), upgst);
    }

    /** Idle, keeping the last attempt's fields. */
    UpgradeStatus idle() {
        return phase(UpgradeStatus.Phase.IDLE, -1, "");
    }

    /** Idle with a new last result. */
    UpgradeStatus finished(String result) {
        UpgradeStatus s = status;
        return new UpgradeStatus(UpgradeStatus.Phase.IDLE, -1, "", s.lastAttempt(), result, s.upgst());
    }

    private static void tell(FirmwareListener l, UpgradeStatus s) {
        try {
            l.upgradeStatusChanged(s);
        } catch (RuntimeException e) {
            LOG.warn("a firmware listener failed: {}", e.toString());
        }
    }
}
