package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mppfw.api.clock.Clock;

class SystemClockTest {

    private final SystemClock clock = new SystemClock();

    @AfterEach
    void stop() {
        clock.deactivate();
    }

    @Test
    void runsTasksOnOneDaemonThreadEvenAfterATaskThrows() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Thread> thread = new AtomicReference<>();
        clock.schedule(Duration.ZERO, () -> {
            throw new IllegalStateException("task bug");
        });
        clock.schedule(Duration.ofMillis(1), () -> {
            thread.set(Thread.currentThread());
            done.countDown();
        });
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertTrue(thread.get().isDaemon());
        assertEquals("mppfw-clock", thread.get().getName());
    }

    @Test
    void cancelAndDeadline() throws Exception {
        Instant before = clock.now();
        Clock.Timer t = clock.schedule(Duration.ofHours(1), () -> {
            throw new AssertionError("must not run");
        });
        assertFalse(t.deadline().isBefore(before.plus(Duration.ofHours(1))));
        assertTrue(t.cancel());
        assertFalse(t.cancel(), "already cancelled");

        CountDownLatch ran = new CountDownLatch(1);
        clock.schedule(Duration.ofMillis(-5), ran::countDown);
        assertTrue(ran.await(30, TimeUnit.SECONDS), "a negative delay runs at once");
        assertTrue(clock.zone() != null);
    }
}
