package org.mppfw.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.mppfw.api.clock.Clock;

/**
 * A clock whose time moves only when a test advances it; due timers run in deadline order, on the
 * thread that advances it. {@link #withoutTimers} makes one that refuses timers, for code that
 * must set none.
 */
public final class VirtualClock implements Clock {

    private final ZoneId zone;
    private volatile ZoneRules rules;
    private final String timersRefused;
    private Instant now;
    private long sequence;
    private final List<Task> tasks = new ArrayList<>();

    private final class Task implements Timer {
        final Instant at;
        final long seq;
        final Runnable run;
        boolean done;

        Task(Instant at, long seq, Runnable run) {
            this.at = at;
            this.seq = seq;
            this.run = run;
        }

        @Override
        public Instant deadline() {
            return at;
        }

        @Override
        public boolean cancel() {
            if (done) {
                return false;
            }
            done = true;
            tasks.remove(this);
            return true;
        }
    }

    public VirtualClock(Instant start, ZoneId zone) {
        this(start, zone, null);
    }

    private VirtualClock(Instant start, ZoneId zone, String timersRefused) {
        this.now = start;
        this.zone = zone;
        this.timersRefused = timersRefused;
    }

    /** A clock whose {@link #schedule} throws, saying why no timer is expected. */
    public static VirtualClock withoutTimers(Instant start, ZoneId zone, String why) {
        return new VirtualClock(start, zone, why);
    }

    @Override
    public Instant now() {
        return now;
    }

    /** The zone given, or the offset now when rules were set. */
    @Override
    public ZoneId zone() {
        ZoneRules r = rules;
        return r == null ? zone : r.getOffset(now);
    }

    /** The zone's rules, or those set by {@link #setRules}. */
    @Override
    public ZoneRules rules() {
        ZoneRules r = rules;
        return r == null ? zone.getRules() : r;
    }

    /** Gives the phone local-time rules that no named zone carries, as a profile does. */
    public void setRules(ZoneRules rules) {
        this.rules = rules;
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        if (timersRefused != null) {
            throw new UnsupportedOperationException(timersRefused);
        }
        Task t = new Task(now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
        tasks.add(t);
        return t;
    }

    /** Moves time forward, running every timer that falls due on the way, at its own time. */
    public void advance(Duration d) {
        Instant end = now.plus(d);
        while (true) {
            Task next = tasks.stream().filter(t -> !t.at.isAfter(end))
                    .min(Comparator.comparing((Task t) -> t.at).thenComparingLong(t -> t.seq)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            next.done = true;
            if (next.at.isAfter(now)) {
                now = next.at;
            }
            next.run.run();
        }
        now = end;
    }

    /** The earliest pending timer, if any. */
    public Instant nextDeadline() {
        return tasks.stream().map(t -> t.at).min(Comparator.naturalOrder()).orElse(null);
    }
}
