package org.mppfw.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootHistoryTest {

    static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    @TempDir
    Path data;

    private BootEntry boot(Instant t, String reason) throws Exception {
        return BootHistory.read(data).add(t, reason, "", "factory", "12-0-1MPP0001-1", false, "");
    }

    @Test
    void aBootIsAddedRunningAndClosedWithHowItEnded() throws Exception {
        BootEntry first = boot(T0, BootHistory.POWER_ON);
        assertEquals(1, first.number());
        assertEquals(BootEntry.RUNNING, BootHistory.read(data).last().end());
        BootHistory.read(data).end(first.number(), BootEntry.REBOOTED);
        BootEntry second = boot(T0.plusSeconds(5), "user-request");
        assertEquals(2, second.number());
        BootHistory h = BootHistory.read(data);
        assertEquals(BootEntry.REBOOTED, h.entries().get(0).end());
        assertEquals("user-request", h.last().reason());
    }

    @Test
    void aRunStillRunningAtTheNextBootWasLost() throws Exception {
        boot(T0, BootHistory.POWER_ON);
        BootHistory h = BootHistory.read(data);
        assertTrue(h.closeLost());
        assertEquals(BootEntry.LOST, BootHistory.read(data).last().end());
        assertFalse(BootHistory.read(data).closeLost());
    }

    @Test
    void fiveLostBootsInAShortTimeAreALoopButSlowOrCleanOnesAreNot() throws Exception {
        for (int i = 0; i < BootHistory.LOOP_BOOTS; i++) {
            boot(T0.plusSeconds(30L * i), BootHistory.POWER_ON);
            BootHistory.read(data).closeLost();
        }
        Instant now = T0.plusSeconds(30L * BootHistory.LOOP_BOOTS);
        assertTrue(BootHistory.read(data).inLoop(now));
        assertFalse(BootHistory.read(data).inLoop(now.plus(BootHistory.LOOP_WINDOW).plusSeconds(1)),
                "the last lost boot is too long ago");
        // a boot that answered the loop with a fallback ends it
        BootHistory.read(data).add(now, BootHistory.POWER_ON, "", "factory", "r", false, "boot loop: back to the factory set");
        BootHistory.read(data).closeLost();
        assertFalse(BootHistory.read(data).inLoop(now.plusSeconds(30)));
    }

    @Test
    void aCleanStopInTheMiddleIsNoLoop() throws Exception {
        for (int i = 0; i < BootHistory.LOOP_BOOTS; i++) {
            BootEntry e = boot(T0.plusSeconds(30L * i), BootHistory.POWER_ON);
            if (i == 2) {
                BootHistory.read(data).end(e.number(), BootEntry.STOPPED);
            } else {
                BootHistory.read(data).closeLost();
            }
        }
        assertFalse(BootHistory.read(data).inLoop(T0.plus(Duration.ofMinutes(3))));
    }

    @Test
    void onlyTheLastBootsAreKeptAndAFactoryResetForgetsThem() throws Exception {
        for (int i = 0; i < BootHistory.KEEP + 7; i++) {
            boot(T0.plusSeconds(i), BootHistory.POWER_ON);
        }
        BootHistory h = BootHistory.read(data);
        assertEquals(BootHistory.KEEP, h.entries().size());
        assertEquals(BootHistory.KEEP + 7, h.last().number());
        h.clear();
        assertNull(BootHistory.read(data).last());
        assertEquals(1, boot(T0, BootHistory.FACTORY_RESET).number());
    }

    @Test
    void aDamagedLineIsSkippedAndTabsOrLineBreaksInADetailCannotBreakTheFormat() throws Exception {
        BootHistory.read(data).add(T0, "remote-request", "asked by\tTR-069\nReboot", "a", "12-0-2MPP0001-1", true, "");
        Files.writeString(data.resolve(BootHistory.FILE), "garbage line\n", java.nio.file.StandardOpenOption.APPEND);
        BootHistory h = BootHistory.read(data);
        assertEquals(1, h.entries().size());
        assertEquals("asked by TR-069 Reboot", h.last().detail());
        assertTrue(h.last().trial());
        assertEquals(2, boot(T0.plusSeconds(1), BootHistory.POWER_ON).number());
    }
}
