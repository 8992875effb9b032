package org.mppfw.provisioning.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mppfw.api.provisioning.ProvisioningListener;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.provisioning.internal.schedule.ResyncPolicy.Due;
import org.mppfw.provisioning.internal.schedule.ResyncPolicy.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's status as the phone shows it, and the listeners told of each change (the LCD, the
 * web pages, {@code $PRVTMR}). A listener that throws is logged and does not stop the others.
 */
final class StatusPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);

    private final List<ProvisioningListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ProvisioningStatus status;

    StatusPublisher(ProvisioningStatus initial) {
        this.status = initial;
    }

    ProvisioningStatus status() {
        return status;
    }

    void add(ProvisioningListener l) {
        listeners.add(l);
    }

    void remove(ProvisioningListener l) {
        listeners.remove(l);
    }

    /**
     * @param last    the latest finished attempt, or null
     * @param planned the next resync, or null
     * @param running why the attempt now starting runs, named when nothing is planned; or null
     */
    void publish(ProvisioningStatus.State state, ResyncRecord last, Due planned, Reason running, int failuresInARow) {
        ProvisioningStatus s = new ProvisioningStatus(state, last, planned == null ? null : planned.at(),
                planned == null ? (running == null ? null : reasonName(running)) : reasonName(planned.reason()),
                failuresInARow);
        status = s;
        for (ProvisioningListener l : listeners) {
            try {
                l.statusChanged(s);
            } catch (RuntimeException e) {
                LOG.warn("provisioning listener {} failed: {}", l, e.toString());
            }
        }
    }

    /** How the status and the history name a reason. */
    static String reasonName(Reason r) {
        return switch (r) {
            case EXPLICIT -> "explicit";
            case POWER_UP -> "power-up";
            case PERIODIC -> "periodic";
            case RETRY -> "retry";
        };
    }
}
