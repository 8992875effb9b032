package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.layout.BootEntry;
import org.mppfw.layout.BootHistory;
import org.mppfw.layout.BundleList;
import org.mppfw.layout.RebootRequest;

/** Why the launcher records a boot, and how each run ends in the boot history. */
class PowerOnTest {

    static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    @TempDir
    Path image;
    @TempDir
    Path data;
    FirmwareSets.BootSet factory;

    @BeforeEach
    void factoryImage() throws Exception {
        Files.createDirectories(image.resolve("bundles"));
        factory = new FirmwareSets.BootSet("factory", image, List.of(new BundleList.Entry(2, "bundles/a.jar")),
                "12-0-1MPP0001-1", false);
    }

    private BootEntry last() {
        return BootHistory.read(data).last();
    }

    @Test
    void aFirstStartIsAPowerOnAndACleanStopSaysSo() throws Exception {
        PowerOn p = PowerOn.begin(data, null, T0);
        p.record(T0, factory);
        assertEquals(BootHistory.POWER_ON, last().reason());
        assertEquals(BootEntry.RUNNING, last().end());
        p.end();
        p.end();
        assertEquals(BootEntry.STOPPED, last().end());
        assertEquals("", last().detail());
    }

    @Test
    void aRebootRequestGivesTheNextBootItsReason() throws Exception {
        PowerOn p = PowerOn.begin(data, null, T0);
        p.record(T0, factory);
        new RebootRequest("remote-request", "SIP NOTIFY check-sync;reboot=true", T0).write(data);
        p.end();
        assertEquals(BootEntry.REBOOTED, last().end());
        PowerOn next = PowerOn.begin(data, null, T0.plusSeconds(3));
        next.record(T0.plusSeconds(3), factory);
        assertEquals("remote-request", last().reason());
        assertEquals("SIP NOTIFY check-sync;reboot=true", last().detail());
        assertFalse(RebootRequest.pending(data));
    }

    @Test
    void aRunThatNeverStoppedIsLostAndACrashRestartSaysCrash() throws Exception {
        PowerOn.begin(data, null, T0).record(T0, factory);
        PowerOn after = PowerOn.begin(data, null, T0.plusSeconds(60));
        after.record(T0.plusSeconds(60), factory);
        assertEquals(BootEntry.LOST, BootHistory.read(data).entries().get(0).end());
        assertEquals(BootHistory.POWER_ON, last().reason());
        assertTrue(last().detail().contains("without a shutdown"), last().detail());
        PowerOn.begin(data, "134", T0.plusSeconds(90)).record(T0.plusSeconds(90), factory);
        assertEquals(BootHistory.CRASH, last().reason());
        assertTrue(last().detail().contains("status 134"), last().detail());
    }

    @Test
    void aFactoryResetStartsTheHistoryAgain() throws Exception {
        PowerOn.begin(data, null, T0).record(T0, factory);
        PowerOn p = PowerOn.begin(data, null, T0.plusSeconds(1));
        p.record(T0.plusSeconds(1), factory);
        new RebootRequest(BootHistory.FACTORY_RESET, "sys:factory-reset", T0).write(data);
        p.end();
        PowerOn.begin(data, null, T0.plusSeconds(5)).record(T0.plusSeconds(5), factory);
        assertEquals(1, BootHistory.read(data).entries().size());
        assertEquals(BootHistory.FACTORY_RESET, last().reason());
        assertEquals(1, last().number());
    }

    @Test
    void fiveLostRunsInAShortTimeAreABootLoop() throws Exception {
        for (int i = 0; i < BootHistory.LOOP_BOOTS; i++) {
            PowerOn p = PowerOn.begin(data, null, T0.plusSeconds(20L * i));
            assertFalse(p.loop(), "boot " + i);
            p.record(T0.plusSeconds(20L * i), factory);
        }
        PowerOn sixth = PowerOn.begin(data, null, T0.plusSeconds(100));
        assertTrue(sixth.loop());
        sixth.action("boot loop: back to the factory set");
        sixth.record(T0.plusSeconds(100), factory);
        assertEquals("boot loop: back to the factory set", last().action());
        assertFalse(PowerOn.begin(data, null, T0.plusSeconds(120)).loop(), "the fallback answered that loop");
    }
}
