package org.mppfw.discovery.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mppfw.api.discovery.CustomizationListener;
import org.mppfw.api.discovery.CustomizationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CustomizationListener}s of {@link CustomizationEngine}: each is told the current
 * values when it comes, then every change of the state or of whether the phone awaits an
 * activation code. Called on the engine's executor only, so the calls keep their order.
 */
final class CustomizationEvents {

    private static final Logger LOG = LoggerFactory.getLogger(CustomizationEvents.class);

    private final List<CustomizationListener> listeners = new CopyOnWriteArrayList<>();
    private CustomizationState toldState;
    private boolean toldAwaits;

    /** Adds a listener and tells it the current values. */
    void add(CustomizationListener l, CustomizationState state, boolean awaitsCode) {
        listeners.add(l);
        tell(l, state, awaitsCode);
    }

    /** Any thread. */
    void remove(CustomizationListener l) {
        listeners.remove(l);
    }

    /** Tells every listener, if the values differ from those told last. */
    void changed(CustomizationState state, boolean awaitsCode) {
        if (state == toldState && awaitsCode == toldAwaits) {
            return;
        }
        toldState = state;
        toldAwaits = awaitsCode;
        for (CustomizationListener l : listeners) {
            tell(l, state, awaitsCode);
        }
    }

    private static void tell(CustomizationListener l, CustomizationState state, boolean awaitsCode) {
        try {
            l.customizationChanged(state, awaitsCode);
        } catch (RuntimeException e) {
            LOG.warn("a customization listener failed", e);
        }
    }
}
