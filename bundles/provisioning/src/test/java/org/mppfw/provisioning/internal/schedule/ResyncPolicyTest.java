package org.mppfw.provisioning.internal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mppfw.provisioning.internal.schedule.ResyncPolicy.Due;
import org.mppfw.provisioning.internal.schedule.ResyncPolicy.Reason;

class ResyncPolicyTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final Instant T0 = ZonedDateTime.of(2026, 3, 28, 9, 30, 0, 0, ZONE).toInstant();

    private final Map<String, String> params = new HashMap<>();
    private final ResyncPolicy policy = new ResyncPolicy(new Random(7));

    private ScheduleSettings settings() {
        return ScheduleSettings.from(params::get);
    }

    @Test
    void factoryDefaults() {
        ScheduleSettings s = settings();
        assertTrue(s.resyncOnReset());
        assertEquals(Duration.ofSeconds(40), s.bootRandomDelay(), "2 units of 20 s");
        assertEquals(null, s.resyncAt());
        assertEquals(Duration.ofSeconds(600), s.resyncAtWindow());
        assertEquals("3600", s.periodic().toString());
        assertEquals(12, s.errorRetry().size());
        assertEquals(Duration.ofSeconds(14400), s.forcedResyncDelay());
        assertTrue(s.failsOnFileNotFound());
    }

    @Test
    void powerUpResyncWithinTheRandomDelay() {
        for (int i = 0; i < 200; i++) {
            Due d = policy.afterPowerUp(T0, settings()).orElseThrow();
            assertEquals(Reason.POWER_UP, d.reason());
            assertEquals(0, d.reason().prvst());
            long s = Duration.between(T0, d.at()).toMillis();
            assertTrue(s >= 0 && s <= 40_000, "within 40 s: " + s);
        }
        params.put("Resync_Random_Delay", "0");
        assertEquals(T0, policy.afterPowerUp(T0, settings()).orElseThrow().at(), "0: at once");
        params.put("Resync_On_Reset", "No");
        assertTrue(policy.afterPowerUp(T0, settings()).isEmpty());
    }

    @Test
    void errorRetryListProgressesAndSuccessStartsItAgain() {
        params.put("Resync_Error_Retry_Delay", "60,120,240");
        Instant now = T0;
        long[] want = {60, 120, 240, 240, 240};
        for (long w : want) {
            Due d = policy.afterAttempt(now, ZONE.getRules(), false, settings()).orElseThrow();
            assertEquals(Reason.RETRY, d.reason());
            assertEquals(2, d.reason().prvst());
            assertEquals(w, Duration.between(now, d.at()).toSeconds());
            now = d.at();
        }
        assertEquals(5, policy.failuresInARow());
        Due ok = policy.afterAttempt(now, ZONE.getRules(), true, settings()).orElseThrow();
        assertEquals(Reason.PERIODIC, ok.reason());
        assertEquals(3600, Duration.between(now, ok.at()).toSeconds());
        assertEquals(0, policy.failuresInARow());
        assertEquals(60, Duration.between(ok.at(), policy.afterAttempt(ok.at(), ZONE.getRules(), false, settings()).orElseThrow().at()).toSeconds(),
                "after a success the retry list starts from its first item");
    }

    @Test
    void periodicWithRandomExtraAndLists() {
        params.put("Resync_Periodic", "600,1200+60");
        Instant now = T0;
        assertEquals(600, Duration.between(now, policy.afterAttempt(now, ZONE.getRules(), true, settings()).orElseThrow().at()).toSeconds());
        for (int i = 0; i < 50; i++) {
            long s = Duration.between(now, policy.afterAttempt(now, ZONE.getRules(), true, settings()).orElseThrow().at()).toSeconds();
            assertTrue(s >= 1200 && s <= 1260, "1200+60: " + s);
        }
        params.put("Resync_Periodic", "0");
        assertTrue(policy.afterAttempt(now, ZONE.getRules(), true, settings()).isEmpty(), "0: no periodic resync");
    }

    @Test
    void resyncAtReplacesPeriodicAndFiresInItsWindow() {
        params.put("Resync_At__HHmm_", "1000");
        params.put("Resync_Periodic", "60");
        Instant tenToday = ZonedDateTime.of(2026, 3, 28, 10, 0, 0, 0, ZONE).toInstant();
        for (int i = 0; i < 100; i++) {
            Due d = policy.afterAttempt(T0, ZONE.getRules(), true, settings()).orElseThrow();
            long s = Duration.between(tenToday, d.at()).toSeconds();
            assertTrue(s >= 0 && s <= 600, "10:00-10:10 (S2's example): " + s);
        }
        // after 10:00 the next one is tomorrow's, across the change to summer time (29 March)
        Instant afterTen = ZonedDateTime.of(2026, 3, 28, 10, 5, 0, 0, ZONE).toInstant();
        Due d = policy.afterAttempt(afterTen, ZONE.getRules(), true, settings()).orElseThrow();
        ZonedDateTime local = d.at().atZone(ZONE);
        assertEquals(29, local.getDayOfMonth());
        assertEquals(10, local.getHour());
        assertTrue(local.getMinute() <= 10);
        // a window below 600 s behaves as 600, a larger one widens it
        params.put("Resync_At_Random_Delay", "60");
        assertEquals(Duration.ofSeconds(600), settings().resyncAtWindow());
        params.put("Resync_At_Random_Delay", "3600");
        assertEquals(Duration.ofSeconds(3600), settings().resyncAtWindow());
        params.put("Resync_At__HHmm_", "2400");
        assertEquals(LocalTime.MIDNIGHT, settings().resyncAt());
    }

    @Test
    void resyncAtRunsOnceOnTheNightsTheClockChanges() {
        LocalTime half = LocalTime.of(2, 30);
        // 29 March 2026, 02:00 becomes 03:00: 02:30 does not exist, it comes as much later (03:30)
        Instant evening = ZonedDateTime.of(2026, 3, 28, 22, 0, 0, 0, ZONE).toInstant();
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), ResyncPolicy.nextOccurrence(evening, ZONE.getRules(), half));
        // 25 October 2026, 03:00 becomes 02:00: 02:30 comes twice, the first one only counts
        Instant first = ResyncPolicy.nextOccurrence(Instant.parse("2026-10-24T20:00:00Z"), ZONE.getRules(), half);
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), first);
        assertEquals(Instant.parse("2026-10-26T01:30:00Z"),
                ResyncPolicy.nextOccurrence(first.plusSeconds(1), ZONE.getRules(), half), "not again at 02:30 winter time");
        assertEquals(Instant.parse("2026-10-26T01:30:00Z"),
                ResyncPolicy.nextOccurrence(Instant.parse("2026-10-25T01:00:00Z"), ZONE.getRules(), half),
                "an attempt that ends in the repeated hour plans tomorrow's");
    }

    @Test
    void noRetryWhenTheListIsZero() {
        params.put("Resync_Error_Retry_Delay", "0");
        assertTrue(policy.afterAttempt(T0, ZONE.getRules(), false, settings()).isEmpty(), "never succeeded: nothing planned");
        policy.afterAttempt(T0, ZONE.getRules(), true, settings());
        Optional<Due> d = policy.afterAttempt(T0, ZONE.getRules(), false, settings());
        assertEquals(Reason.PERIODIC, d.orElseThrow().reason(), "once started, the periodic schedule goes on");
    }

    @Test
    void valuesTheStoreWouldRefuseFallBackToDefaults() {
        params.put("Resync_Periodic", "soon");
        params.put("Resync_Random_Delay", "x");
        params.put("Resync_At__HHmm_", "2460");
        ScheduleSettings s = settings();
        assertEquals("3600", s.periodic().toString());
        assertEquals(Duration.ofSeconds(40), s.bootRandomDelay());
        assertEquals(null, s.resyncAt());
        assertFalse(ScheduleSettings.yes("No", true));
    }
}
