package org.mppfw.upgrade.internal.engine;

import java.time.Duration;

import org.mppfw.api.line.LineState;

/**
 * An upgrade never interrupts a call: an attempt that is due while a line is busy waits until
 * the lines are idle (told by the line-state service, and looked at again every
 * {@link #RECHECK}, since not every line-state service tells of its changes).
 */
final class IdleGate {

    /** How often an upgrade waiting for idle lines looks at them again. */
    static final Duration RECHECK = Duration.ofSeconds(5);

    /** An attempt waiting for idle lines. */
    record Waiting(String rule, String url) {
    }

    private final Services services;
    private volatile Waiting waiting;

    IdleGate(Services services) {
        this.services = services;
    }

    /** Whether the lines are idle (true without a line-state service). */
    boolean idle() {
        LineState lines = services.lines().get().orElse(null);
        return lines == null || lines.allIdle();
    }

    /** Remembers an attempt that waits; returns it. */
    Waiting hold(String rule, String url) {
        Waiting w = new Waiting(rule, url);
        waiting = w;
        return w;
    }

    /** The attempt that waits, or null. */
    Waiting waiting() {
        return waiting;
    }

    /** Whether {@code w} is still the attempt that waits. */
    boolean still(Waiting w) {
        return waiting == w;
    }

    void clear() {
        waiting = null;
    }
}
