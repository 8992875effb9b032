package org.mppfw.config.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the parameter store's change events to its listeners, in commit order, each listener
 * getting only the names it asked for, on the executor the store was given. A listener that
 * throws is logged and does not stop the others.
 */
final class ChangeDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeDelivery.class);

    private record Registration(ParameterListener listener, Set<String> names) {
    }

    private record Event(List<ParameterChange> changes, ChangeSource source) {
    }

    private final Executor events;
    private final List<Registration> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Event> pending = new ConcurrentLinkedQueue<>();
    private final Object deliveryLock = new Object();

    ChangeDelivery(Executor events) {
        this.events = events;
    }

    /** Adds a listener; {@code names} null or empty means every parameter. */
    void addListener(ParameterListener listener, Collection<String> names) {
        Set<String> filter = names == null || names.isEmpty() ? null : Set.copyOf(names);
        listeners.add(new Registration(listener, filter));
    }

    void removeListener(ParameterListener listener) {
        listeners.removeIf(r -> r.listener() == listener);
    }

    void publish(List<ParameterChange> changes, ChangeSource source) {
        if (changes.isEmpty()) {
            return;
        }
        pending.add(new Event(List.copyOf(changes), source));
        try {
            events.execute(this::deliverPending);
        } catch (RuntimeException e) {
            LOG.warn("Cannot deliver parameter change events: {}", e.toString());
        }
    }

    private void deliverPending() {
        synchronized (deliveryLock) {
            Event e;
            while ((e = pending.poll()) != null) {
                deliver(e);
            }
        }
    }

    private void deliver(Event e) {
        for (Registration r : listeners) {
            List<ParameterChange> mine = e.changes();
            if (r.names() != null) {
                mine = new ArrayList<>();
                for (ParameterChange c : e.changes()) {
                    if (r.names().contains(c.name())) {
                        mine.add(c);
                    }
                }
                if (mine.isEmpty()) {
                    continue;
                }
                mine = List.copyOf(mine);
            }
            try {
                r.listener().parametersChanged(mine, e.source());
            } catch (RuntimeException | LinkageError ex) {
                LOG.warn("Parameter listener {} failed: {}", r.listener().getClass().getName(), ex.toString());
            }
        }
    }
}
