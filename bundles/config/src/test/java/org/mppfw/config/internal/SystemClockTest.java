package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.clock.Clock;
import org.mppfw.config.internal.time.LocalTimeSettings;

class SystemClockTest {

    @TempDir
    Path dir;
    private ParameterStoreImpl store;
    private SystemClock clock;

    @BeforeEach
    void start() throws Exception {
        store = TestStores.open(dir, false);
        clock = new SystemClock(store);
        store.addListener(clock, LocalTimeSettings.NAMES);
    }

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

    @Test
    void factoryLocalTimeIsTheGuidesDefaultZoneWithItsDaylightSavingTime() {
        // Time_Zone GMT-08:00, DST start=3/-1/7/2;end=10/-1/7/2;save=1, enabled
        assertEquals(ZoneOffset.ofHours(-8), clock.rules().getOffset(Instant.parse("2026-01-15T12:00:00Z")));
        assertEquals(ZoneOffset.ofHours(-7), clock.rules().getOffset(Instant.parse("2026-07-15T12:00:00Z")));
        // the last Sunday of March 2026 is the 29th: 02:00 standard time is 10:00 UTC
        assertEquals(ZoneOffset.ofHours(-8), clock.rules().getOffset(Instant.parse("2026-03-29T09:59:59Z")));
        assertEquals(ZoneOffset.ofHours(-7), clock.rules().getOffset(Instant.parse("2026-03-29T10:00:00Z")));
    }

    @Test
    void followsTheProfilesTimeParametersLive() throws Exception {
        TestStores.apply(store, TestStores.flat("<Time_Zone>GMT+05:30</Time_Zone>"
                + "<Daylight_Saving_Time_Enable>No</Daylight_Saving_Time_Enable>"));
        Instant t = Instant.parse("2026-07-01T10:00:00Z");
        assertEquals(LocalDateTime.parse("2026-07-01T15:30:00"), clock.local(t).toLocalDateTime());
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.from(clock.local(clock.now())));

        TestStores.apply(store, TestStores.flat("<Time_Zone>GMT+01:00</Time_Zone>"
                + "<Time_Offset__HH_mm_>00/15</Time_Offset__HH_mm_>"
                + "<Daylight_Saving_Time_Enable>Yes</Daylight_Saving_Time_Enable>"
                + "<Daylight_Saving_Time_Rule>start=3/-1/7/2;end=10/-1/7/3;save=1</Daylight_Saving_Time_Rule>"));
        assertEquals(LocalDateTime.parse("2026-07-01T12:15:00"), clock.local(t).toLocalDateTime());
        assertEquals(LocalDateTime.parse("2026-12-01T11:15:00"),
                clock.local(Instant.parse("2026-12-01T10:00:00Z")).toLocalDateTime());
    }

    @Test
    void aWrongRuleIsRefusedAndTheZoneInUseStays() throws Exception {
        TestStores.apply(store, TestStores.flat("<Time_Zone>GMT+02:00</Time_Zone>"
                + "<Daylight_Saving_Time_Enable>No</Daylight_Saving_Time_Enable>"));
        TestStores.apply(store, TestStores.flat("<Daylight_Saving_Time_Enable>Yes</Daylight_Saving_Time_Enable>"
                + "<Daylight_Saving_Time_Rule>start=13/1/7/2;end=10/-1/7/2;save=1</Daylight_Saving_Time_Rule>"));
        assertEquals(ZoneOffset.ofHours(2), clock.rules().getOffset(Instant.parse("2026-07-01T10:00:00Z")),
                "month 13 is refused: standard time GMT+02:00 all year stays");
        TestStores.apply(store, TestStores.flat("<Time_Zone>Europe/Paris</Time_Zone>"));
        assertEquals(ZoneOffset.ofHours(2), clock.rules().getOffset(Instant.parse("2026-01-01T10:00:00Z")));
    }
}
