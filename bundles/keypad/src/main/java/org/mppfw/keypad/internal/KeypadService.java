package org.mppfw.keypad.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mppfw.api.keypad.Key;
import org.mppfw.api.keypad.KeyListener;
import org.mppfw.api.keypad.Keypad;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key-event service: every press, from any source, goes to every {@link KeyListener} in
 * order, one press at a time, on the caller's thread. A listener that throws is logged and the
 * others still hear the key.
 */
@Component(service = Keypad.class)
public final class KeypadService implements Keypad {

    private static final Logger LOG = LoggerFactory.getLogger(KeypadService.class);

    private final List<KeyListener> listeners = new CopyOnWriteArrayList<>();
    private final Object presses = new Object();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(KeyListener l) {
        listeners.add(l);
    }

    void removeListener(KeyListener l) {
        listeners.remove(l);
    }

    @Override
    public void press(Key key) {
        Objects.requireNonNull(key);
        synchronized (presses) {
            LOG.debug("key {}", KeyCommands.echo(key)); // never the digits: they may be a password
            for (KeyListener l : listeners) {
                try {
                    l.keyPressed(key);
                } catch (RuntimeException e) {
                    LOG.warn("a key listener failed on key {}", key.label(), e);
                }
            }
        }
    }
}
