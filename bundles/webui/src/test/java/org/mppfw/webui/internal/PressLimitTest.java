package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The bound on key presses: a burst, then the rate, per session. */
class PressLimitTest {

    final AtomicLong now = new AtomicLong(123);
    final PressLimit limit = new PressLimit(now::get);

    @Test
    void aBurstThenTheRate() {
        for (int i = 0; i < PressLimit.BURST; i++) {
            assertTrue(limit.allow("a"), "press " + i);
        }
        assertFalse(limit.allow("a"), "above the burst at the same instant");
        assertTrue(limit.allow("b"), "another session has its own bucket");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1) / PressLimit.PER_SECOND);
        assertTrue(limit.allow("a"), "one press back after 1/rate s");
        assertFalse(limit.allow("a"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        for (int i = 0; i < PressLimit.PER_SECOND; i++) {
            assertTrue(limit.allow("a"), "a second later, a second's worth: " + i);
        }
        assertFalse(limit.allow("a"));
    }

    @Test
    void refusedPressesDoNotCountAndTheBucketNeverExceedsTheBurst() {
        for (int i = 0; i < PressLimit.BURST; i++) {
            limit.allow("a");
        }
        for (int i = 0; i < 100; i++) {
            assertFalse(limit.allow("a"));
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(1) / PressLimit.PER_SECOND);
        assertTrue(limit.allow("a"), "refusals took nothing from the refill");
        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        for (int i = 0; i < PressLimit.BURST; i++) {
            assertTrue(limit.allow("a"));
        }
        assertFalse(limit.allow("a"), "an hour idle gives one burst, not more");
    }

    @Test
    void bucketsAreBoundedByTheSessions() {
        for (int i = 0; i < PressLimit.BURST; i++) {
            limit.allow("first");
        }
        for (int i = 0; i < Sessions.MAX_SESSIONS; i++) {
            limit.allow("s" + i);
        }
        assertTrue(limit.allow("first"), "the least recent bucket was dropped: a fresh one");
    }
}
