package org.mppfw.power.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.power.BootReason;
import org.mppfw.api.power.BootRecord;
import org.mppfw.layout.BootEntry;
import org.mppfw.layout.BootHistory;
import org.mppfw.layout.RebootRequest;

class PowerServiceTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void aRebootRecordsItsReasonFirstThenStopsTheFrameworkOnce() throws Exception {
        BootHistory.read(data).add(CLOCK.instant(), BootHistory.POWER_ON, "", "factory", "12-0-1MPP0001-1", false, "");
        AtomicInteger stops = new AtomicInteger();
        CountDownLatch stopped = new CountDownLatch(1);
        PowerService power = new PowerService(data, false, () -> {
            assertTrue(RebootRequest.pending(data), "the reason is on disk before the framework stops");
            stops.incrementAndGet();
            stopped.countDown();
        }, CLOCK);
        assertEquals(1, power.currentBoot().orElseThrow().number());
        assertTrue(power.reboot(BootReason.REMOTE_REQUEST, "TR-069 Reboot"));
        assertTrue(stopped.await(10, TimeUnit.SECONDS));
        assertTrue(power.reboot(BootReason.USER_REQUEST, "again"));
        assertEquals(1, stops.get(), "one stop however often it is asked");
        RebootRequest r = RebootRequest.take(data).orElseThrow();
        assertEquals("user-request", r.reason(), "the last word wins");
    }

    @Test
    void aCommandRunOnlyRecordsTheRebootForTheNextPowerOn() throws Exception {
        AtomicInteger stops = new AtomicInteger();
        PowerService power = new PowerService(data, true, stops::incrementAndGet, CLOCK);
        assertTrue(power.commandRun());
        assertTrue(power.currentBoot().isEmpty(), "a command run is no boot");
        assertFalse(power.reboot(BootReason.FACTORY_RESET, "sys:factory-reset"));
        assertEquals(0, stops.get());
        assertEquals("factory-reset", RebootRequest.take(data).orElseThrow().reason());
    }

    @Test
    void theHistoryReadsAsRecordsWithTheirReasons() throws Exception {
        BootHistory h = BootHistory.read(data);
        h.add(CLOCK.instant(), BootHistory.POWER_ON, "", "factory", "12-0-1MPP0001-1", false, "");
        h.end(1, BootEntry.REBOOTED);
        BootHistory.read(data).add(CLOCK.instant().plusSeconds(9), "trial-given-up", "firmware 12-0-2MPP0001-1 failed",
                "factory", "12-0-1MPP0001-1", false, "");
        PowerService power = new PowerService(data, false, () -> { }, CLOCK);
        var boots = power.boots();
        assertEquals(BootReason.POWER_ON, boots.get(0).reason());
        assertEquals(BootReason.TRIAL_GIVEN_UP, boots.get(1).reason());
        String table = SysCommands.format(boots, power.currentBoot().map(BootRecord::number).orElse(-1));
        assertTrue(table.contains("power-on") && table.contains("rebooted"), table);
        assertTrue(table.contains("trial-given-up") && table.contains("now") && table.contains("failed"), table);
        assertEquals("Upgrade", BootReason.TRIAL_GIVEN_UP.label());
        assertEquals(BootReason.POWER_ON, BootReason.ofCode("from-a-later-version"));
    }

    @Test
    void everyReasonCodeTheLauncherWritesIsAReason() {
        for (String code : new String[] {BootHistory.POWER_ON, BootHistory.CRASH, BootHistory.FACTORY_RESET,
            BootHistory.TRIAL_GIVEN_UP}) {
            assertEquals(code, BootReason.ofCode(code).code());
        }
    }
}
