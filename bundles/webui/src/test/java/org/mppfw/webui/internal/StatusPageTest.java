package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.transport.ResultClass;

/** Info > Status: what a resync record shows, escaped; the buttons only for the admin. */
class StatusPageTest {

    static final String PROBE = "<script>alert(1)</script>";

    /** A provisioning engine whose last attempt says what the test wants. */
    record FakeProvisioning(ResyncRecord last, boolean enabled) implements Provisioning {
        @Override
        public ProvisioningStatus status() {
            return new ProvisioningStatus(ProvisioningStatus.State.IDLE, last, null, "", 0);
        }

        @Override
        public List<ResyncRecord> history() {
            return last == null ? List.of() : List.of(last);
        }

        @Override
        public boolean resync() {
            return enabled;
        }

        @Override
        public boolean resync(String rule) {
            return enabled;
        }

        @Override
        public void profileAccount(String user, char[] password) {
        }
    }

    @Test
    void theLastResyncAndItsStepsShowEscaped() {
        ResyncRecord r = new ResyncRecord(Instant.EPOCH, Instant.EPOCH.plusSeconds(1), "explicit", "Profile_Rule",
                "http://prov.example/" + PROBE, ResultClass.B, "HTTP 404 " + PROBE, "", List.of(), List.of(),
                List.of("Profile_Rule " + PROBE + ": B"));
        StatusPage.Services s = new StatusPage.Services(null, new FakeProvisioning(r, true), null, null, null);
        String admin = StatusPage.body(s, Role.ADMIN, new Sessions.Session("id", Role.ADMIN, "tok"));
        assertFalse(admin.contains(PROBE));
        assertTrue(admin.contains("HTTP 404 &lt;script&gt;"), admin);
        assertTrue(admin.contains("<li>Profile_Rule &lt;script&gt;alert(1)&lt;/script&gt;: B</li>"), admin);
        assertTrue(admin.contains("(failure)"));
        assertTrue(admin.contains("id=\"resync\"") && admin.contains("name=\"csrf\" value=\"tok\""));
        String user = StatusPage.body(s, Role.USER, new Sessions.Session("id", Role.USER, "tok"));
        assertFalse(user.contains("id=\"resync\""), "the user has no buttons");
    }

    @Test
    void missingServicesShowAsNotAvailableAndActionsSaySo() {
        StatusPage.Services none = new StatusPage.Services(null, null, null, null, null);
        assertTrue(StatusPage.body(none, Role.ADMIN, new Sessions.Session("id", Role.ADMIN, "t")).contains("not available"));
        assertTrue(StatusPage.act("resync", none).error());
        assertTrue(StatusPage.act("report", none).error());
        assertTrue(StatusPage.act("nonsense", none).error());
        StatusPage.Services off = new StatusPage.Services(null, new FakeProvisioning(null, false), null, null, null);
        assertEquals("Provision_Enable is No: no resync.", StatusPage.act("resync", off).notice());
        StatusPage.Services on = new StatusPage.Services(null, new FakeProvisioning(null, true), null, null, null);
        assertEquals("Resync started.", StatusPage.act("resync", on).notice());
    }
}
