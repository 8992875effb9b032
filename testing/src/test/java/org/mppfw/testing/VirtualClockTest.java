package org.mppfw.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mppfw.api.clock.Clock;

class VirtualClockTest {

    static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void timersRunInDeadlineOrderAtTheirOwnTime() {
        VirtualClock clock = new VirtualClock(T0, UTC);
        List<String> ran = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(20), () -> ran.add("b@" + clock.now()));
        clock.schedule(Duration.ofSeconds(10), () -> ran.add("a@" + clock.now()));
        clock.schedule(Duration.ofSeconds(10), () -> ran.add("a2@" + clock.now()));
        clock.schedule(Duration.ofSeconds(-5), () -> ran.add("now@" + clock.now()));
        assertEquals(T0, clock.nextDeadline());
        clock.advance(Duration.ofSeconds(15));
        assertEquals(List.of("now@" + T0, "a@" + T0.plusSeconds(10), "a2@" + T0.plusSeconds(10)), ran);
        assertEquals(T0.plusSeconds(15), clock.now());
        assertEquals(T0.plusSeconds(20), clock.nextDeadline());
    }

    @Test
    void aTimerSetByATimerRunsInTheSameAdvanceWhenDue() {
        VirtualClock clock = new VirtualClock(T0, UTC);
        List<Instant> ran = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(1), () -> clock.schedule(Duration.ofSeconds(1), () -> ran.add(clock.now())));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(List.of(T0.plusSeconds(2)), ran);
    }

    @Test
    void aCancelledTimerNeverRuns() {
        VirtualClock clock = new VirtualClock(T0, UTC);
        List<String> ran = new ArrayList<>();
        Clock.Timer t = clock.schedule(Duration.ofSeconds(1), () -> ran.add("x"));
        assertEquals(T0.plusSeconds(1), t.deadline());
        assertTrue(t.cancel());
        assertFalse(t.cancel());
        assertNull(clock.nextDeadline());
        clock.advance(Duration.ofSeconds(2));
        assertTrue(ran.isEmpty());
    }

    @Test
    void aClockWithoutTimersRefusesThemAndStillMoves() {
        VirtualClock clock = VirtualClock.withoutTimers(T0, UTC, "no timer here");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> clock.schedule(Duration.ofSeconds(1), () -> { }));
        assertEquals("no timer here", e.getMessage());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(T0.plusSeconds(60), clock.now());
        assertEquals(UTC, clock.zone());
    }
}
