package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mppfw.api.power.BootReason;
import org.mppfw.api.power.BootRecord;
import org.mppfw.api.power.Power;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.transport.ResultClass;

/**
 * Times on the pages as the guides print the Reboot History ({@code [08/13/14 06:12:38]}): the
 * phone's local time to the second, no fraction, no ISO {@code T} or {@code Z}.
 */
class PhoneTimeTest {

    /** 2026-07-12 23:40:05.123456789 UTC. */
    static final Instant T = Instant.parse("2026-07-12T23:40:05.123456789Z");

    /** A power service with one boot in its history. */
    record OneBoot(BootRecord boot) implements Power {
        @Override
        public boolean reboot(BootReason reason, String detail) {
            return false;
        }

        @Override
        public boolean commandRun() {
            return false;
        }

        @Override
        public Optional<BootRecord> currentBoot() {
            return Optional.of(boot);
        }

        @Override
        public List<BootRecord> boots() {
            return List.of(boot);
        }
    }

    @Test
    void localTimeToTheSecondMonthFirst() {
        assertEquals("07/12/26 16:40:05", new PhoneTime(ZoneOffset.ofHours(-7).getRules(), false).format(T));
        assertEquals("07/13/26 01:40:05", new PhoneTime(ZoneOffset.ofHours(2).getRules(), false).format(T));
    }

    @Test
    void dateFormatDayMonthPutsTheDayFirst() {
        assertEquals("13/07/26 01:40:05", new PhoneTime(ZoneOffset.ofHours(2).getRules(), true).format(T));
    }

    @Test
    void theOffsetIsTheOneInEffectAtThatInstantNotNow() {
        PhoneTime berlin = new PhoneTime(ZoneId.of("Europe/Berlin").getRules(), false);
        assertEquals("07/13/26 01:40:05", berlin.format(T), "summer: +02:00");
        assertEquals("01/13/26 00:40:05", berlin.format(Instant.parse("2026-01-12T23:40:05Z")), "winter: +01:00");
    }

    @Test
    void withoutTheClockTimesSayUtc() {
        assertEquals("07/12/26 23:40:05 UTC", PhoneTime.UTC.format(T));
        assertEquals("none", PhoneTime.UTC.format(Optional.empty()));
        assertEquals("", PhoneTime.UTC.format((Instant) null));
    }

    @Test
    void theStatusPageShowsItsTimesSo() {
        PhoneTime pacific = new PhoneTime(ZoneOffset.ofHours(-8).getRules(), false);
        ResyncRecord r = new ResyncRecord(T, T.plusSeconds(2), "explicit", "Profile_Rule", "http://prov.example/p.xml",
                ResultClass.B, "HTTP 200", "", List.of(), List.of(), List.of());
        StatusPage.Services s = new StatusPage.Services(null, new StatusPageTest.FakeProvisioning(r, true), null,
                new OneBoot(new BootRecord(1, T, BootReason.POWER_ON, "", "factory", "12-0-1MPP0001-1", false,
                        "running", "")), null, pacific);
        String page = StatusPage.body(s, Role.ADMIN, new Sessions.Session("id", Role.ADMIN, "tok"));
        assertTrue(page.contains("07/12/26 15:40:05 to 07/12/26 15:40:07 (explicit)"), page);
        assertTrue(page.contains("<td>07/12/26 15:40:05</td>"), page);
        assertFalse(page.contains("2026-07-12T"), page);
        assertFalse(page.contains(".123"), page);
    }
}
