package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.mppfw.api.firmware.FirmwareService;
import org.mppfw.api.firmware.FirmwareSets;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.api.firmware.RollbackResult;
import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.transport.ResultClass;

/** Info > Resync Diagnostics and Info > Firmware: what they show, escaped, and what their forms do. */
class InfoPagesTest {

    static final String PROBE = StatusPageTest.PROBE;
    static final Sessions.Session ADMIN = new Sessions.Session("id", Role.ADMIN, "tok");

    /** The phone's time at UTC+2 (the pages show local times). */
    static final PhoneTime TIME = new PhoneTime(ZoneOffset.ofHours(2).getRules(), false);

    /** A firmware service whose sets the test sets, recording what it was asked. */
    static final class FakeFirmware implements FirmwareService {
        FirmwareSets sets;
        boolean enabled = true;
        final List<String> asked = new ArrayList<>();

        @Override
        public FirmwareVersion running() {
            return FirmwareVersion.parse("sip8845.12-0-2MPP0001-1");
        }

        @Override
        public String lastResult() {
            return "";
        }

        @Override
        public UpgradeStatus status() {
            return UpgradeStatus.idle();
        }

        @Override
        public boolean upgrade(String url) {
            asked.add("upgrade " + url);
            return enabled;
        }

        @Override
        public Optional<FirmwareVersion> previous() {
            return sets.previousSet().map(FirmwareSets.SetInfo::version);
        }

        @Override
        public FirmwareSets sets() {
            return sets;
        }

        @Override
        public RollbackResult rollback() {
            asked.add("rollback");
            return new RollbackResult(true, "rolled back to 12-0-1MPP0001-1 (1 bundle replaced)");
        }
    }

    private static ResyncRecord record(Instant started, String url, ResultClass c, int status, List<String> rejected) {
        return new ResyncRecord(started, started.plusMillis(1500), "explicit", "Profile_Rule", url, c,
                "Profile_Rule: HTTP " + status, "plain", List.of("GPP_A"), rejected,
                List.of("Profile_Rule " + url + ": A: HTTP " + status + " " + PROBE), status);
    }

    @Test
    void everyAttemptNewestFirstEscapedInLocalTimeToTheSecond() {
        Instant t1 = Instant.parse("2026-12-07T10:00:00.123456789Z");
        Instant t2 = Instant.parse("2026-12-07T11:30:05.987654321Z");
        ResyncRecord newer = record(t2, "http://prov.example:80/" + PROBE, ResultClass.A, 200,
                List.of("Resync_Periodic: 'soon' is not an integer " + PROBE));
        ResyncRecord older = record(t1, "http://prov.example:80/old.xml", ResultClass.B, 404, List.of());
        String page = DiagnosticsPage.body(new History(List.of(newer, older)), TIME);
        assertFalse(page.contains(PROBE), page);
        assertTrue(page.indexOf("12/07/26 13:30:05") < page.indexOf("12/07/26 12:00:00"), "newest first: " + page);
        assertFalse(page.contains(".123") || page.contains(".987"), "no fractions of a second");
        assertTrue(page.contains("<tr class=\"url\"><th>URL</th><td>http://prov.example:80/&lt;script&gt;"), page);
        assertTrue(page.contains("<tr class=\"status\"><th>Status Code</th><td>404</td></tr>"), page);
        assertTrue(page.contains("<li>Resync_Periodic: &#39;soon&#39; is not an integer &lt;script&gt;"), page);
        assertTrue(page.contains("failure (class B)") && page.contains("id=\"attempt-2\""), page);
        assertTrue(page.contains("<li>GPP_A</li>") && page.contains("nothing rejected"), page);
        assertTrue(DiagnosticsPage.body(null, TIME).contains("not running"));
        assertTrue(DiagnosticsPage.body(new History(List.of()), TIME).contains("No resync attempt"));
        assertEquals("01/01/70 00:00:00 UTC", PhoneTime.UTC.format(Instant.ofEpochMilli(999)), "UTC without the clock");
    }

    /** A provisioning engine with a whole history. */
    record History(List<ResyncRecord> history) implements Provisioning {
        @Override
        public ProvisioningStatus status() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean resync() {
            return false;
        }

        @Override
        public boolean resync(String rule) {
            return false;
        }

        @Override
        public void profileAccount(String user, char[] password) {
        }
    }

    @Test
    void theSetsTheLastAttemptAndTheRollbackQuestion() {
        FakeFirmware f = new FakeFirmware();
        f.sets = new FirmwareSets(new FirmwareSets.SetInfo("a", FirmwareVersion.parse("12-0-2MPP0001-1")),
                new FirmwareSets.SetInfo("a", FirmwareVersion.parse("12-0-2MPP0001-1")),
                new FirmwareSets.SetInfo("factory", FirmwareVersion.parse("12-0-1MPP0001-1")), null, 0, PROBE,
                new FirmwareSets.Attempt("http://fw.example:80/sip88xx.12-0-2MPP0001-1.loads",
                        Instant.parse("2026-12-07T10:00:00.5Z"), true, "upgraded to 12-0-2MPP0001-1"));
        String page = FirmwarePage.body(f, TIME, ADMIN, false);
        assertTrue(page.contains("<td>sip8845.12-0-2MPP0001-1</td>"), page);
        assertTrue(page.contains("<td>factory (12-0-1MPP0001-1)</td>") && page.contains("<td>a (12-0-2MPP0001-1)</td>"), page);
        assertTrue(page.contains("12/07/26 12:00:00 http://fw.example:80/sip88xx.12-0-2MPP0001-1.loads: OK"), page);
        assertFalse(page.contains(PROBE), "the note is escaped");
        assertTrue(page.contains("id=\"rollback\"") && !page.contains("rollback-confirm"), page);
        assertTrue(page.contains("name=\"csrf\" value=\"tok\""), page);
        String ask = FirmwarePage.body(f, TIME, ADMIN, true);
        assertTrue(ask.contains("id=\"rollback-confirm\"") && ask.contains("value=\"rollback\""), ask);
        assertTrue(ask.contains("to factory (12-0-1MPP0001-1)?"), ask);

        assertNull(FirmwarePage.act("ask-rollback", null, f), "asking rolls nothing back");
        assertTrue(f.asked.isEmpty());
        ConfigPage.Result r = FirmwarePage.act("rollback", null, f);
        assertFalse(r.error());
        assertEquals(List.of("rollback"), f.asked);
        assertEquals("Upgrade started.", FirmwarePage.act("upgrade", " http://fw.example/x.loads ", f).notice());
        assertEquals("upgrade http://fw.example/x.loads", f.asked.get(1));
        assertTrue(FirmwarePage.act("upgrade", "", f).error());
        f.enabled = false;
        assertTrue(FirmwarePage.act("upgrade", "http://fw.example/x.loads", f).notice().contains("Upgrade_Enable is No"));
        assertTrue(FirmwarePage.act("nonsense", null, f).error());
        assertTrue(FirmwarePage.act("rollback", null, null).error());

        f.sets = new FirmwareSets(f.sets.active(), f.sets.running(), null,
                new FirmwareSets.SetInfo("b", null), 2, null, null);
        String none = FirmwarePage.body(f, TIME, ADMIN, true);
        assertTrue(none.contains("There is no previous firmware") && !none.contains("rollback-confirm"), none);
        assertTrue(none.contains("<td>b, 2 boot attempts left</td>"), none);
        assertTrue(FirmwarePage.body(null, TIME, ADMIN, false).contains("not running"));
    }
}
