package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.Access;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;
import org.mppfw.layout.LoginBackoff;

/** The admin URLs over a real parameter store: credentials, back-off, push, export. */
class AdminUrlsTest {

    @TempDir
    Path data;
    ParameterStoreImpl store;
    AdminUrls urls;
    final AtomicLong now = new AtomicLong();
    final List<String> resyncs = new ArrayList<>();
    InetAddress loopback;
    InetAddress remote;

    final Provisioning provisioning = new Provisioning() {
        @Override
        public ProvisioningStatus status() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ResyncRecord> history() {
            return List.of();
        }

        @Override
        public boolean resync() {
            resyncs.add("(configured rules)");
            return true;
        }

        @Override
        public boolean resync(String rule) {
            resyncs.add(rule);
            return true;
        }

        @Override
        public void profileAccount(String user, char[] password) {
        }
    };

    @BeforeEach
    void open() throws Exception {
        store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        urls = new AdminUrls(store, new Login(store, new LoginBackoff(now::get)), new DigestAuth(now::get));
        loopback = InetAddress.getByName("127.0.0.1");
        remote = InetAddress.getByName("192.0.2.7");
    }

    AdminUrls.Answer get(InetAddress client, String path, String query, String auth) throws Exception {
        return urls.serve("GET", AdminRequest.parse(path, query, auth), null, client, InputStream::nullInputStream,
                () -> new AdminUrls.Services(provisioning, null, null));
    }

    AdminUrls.Answer push(String pathWithCredentials, String xml) throws Exception {
        return urls.serve("POST", AdminRequest.parse(pathWithCredentials, null, null), null, remote,
                () -> new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                () -> new AdminUrls.Services(provisioning, null, null));
    }

    @Test
    void parsesTheGuidesForms() {
        AdminRequest r = AdminRequest.parse("/admin/config.xml&xuser=admin&xpassword=p%26w", null, null);
        assertEquals("/admin/config.xml", r.path());
        assertEquals("admin", r.user());
        assertEquals("p&w", r.password());
        assertEquals("", r.argument());
        r = AdminRequest.parse("/admin/resync", "http://10.0.0.1:8080/p/$MA.xml?a=1&b=2&xuser=admin&xpassword=s", null);
        assertEquals("http://10.0.0.1:8080/p/$MA.xml?a=1&b=2", r.argument());
        assertEquals("s", r.password());
        r = AdminRequest.parse("/cfg.xml", null,
                "Basic " + Base64.getEncoder().encodeToString("admin:x:y".getBytes(StandardCharsets.UTF_8)));
        assertEquals("x:y", r.password());
        assertFalse(AdminRequest.parse("/admin/resync", "http://h/p", null).hasCredentials());
        assertEquals("/admin/resync", r.toString().replace("/cfg.xml", "/admin/resync"), "toString is the path only");
    }

    @Test
    void withoutCredentialsNothingHappensEvenOnLoopback() throws Exception {
        AdminUrls.Answer a = get(loopback, "/admin/resync", "http://192.0.2.1/p.xml", null);
        assertEquals(401, a.status());
        assertTrue(resyncs.isEmpty());
    }

    @Test
    void withoutAdminPasswordExplicitCredentialsWorkOnlyOnLoopback() throws Exception {
        assertEquals(200, get(loopback, "/admin/resync", "xuser=admin&xpassword=", null).status());
        assertEquals(List.of("(configured rules)"), resyncs);
        assertEquals(401, get(remote, "/admin/resync", "xuser=admin&xpassword=", null).status());
        assertEquals(1, resyncs.size());
    }

    @Test
    void resyncFromAUrlWithBasicAuthentication() throws Exception {
        store.set("Admin_Password", "s3cret", ChangeSource.ADMIN);
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8));
        AdminUrls.Answer a = get(remote, "/admin/resync", "http://192.0.2.1/p/$MA.xml", basic);
        assertEquals(200, a.status(), a.bodyText());
        assertEquals(List.of("http://192.0.2.1/p/$MA.xml"), resyncs);
    }

    @Test
    void aCrossSiteRequestIsRefusedEvenWithCredentials() throws Exception {
        store.set("Admin_Password", "s3cret", ChangeSource.ADMIN);
        AdminUrls.Answer a = urls.serve("GET", AdminRequest.parse("/admin/resync", "xuser=admin&xpassword=s3cret", null),
                "cross-site", remote, InputStream::nullInputStream, () -> new AdminUrls.Services(provisioning, null, null));
        assertEquals(403, a.status());
        assertTrue(resyncs.isEmpty());
    }

    @Test
    void wrongCredentialsBackOffAndTheUserIsNotAdmin() throws Exception {
        store.set("Admin_Password", "s3cret", ChangeSource.ADMIN);
        assertEquals(401, get(remote, "/admin/resync", "xuser=admin&xpassword=no1", null).status());
        assertEquals(401, get(remote, "/admin/resync", "xuser=admin&xpassword=no2", null).status());
        assertEquals(401, get(remote, "/admin/resync", "xuser=admin&xpassword=no3", null).status());
        AdminUrls.Answer blocked = get(remote, "/admin/resync", "xuser=admin&xpassword=s3cret", null);
        assertEquals(429, blocked.status(), "shut out: even the right password is refused");
        assertTrue(resyncs.isEmpty());
        assertEquals(403, get(loopback, "/admin/resync", "xuser=user&xpassword=", null).status());
        assertTrue(resyncs.isEmpty());
    }

    @Test
    void exportMasksSecrets() throws Exception {
        store.set("Admin_Password", "s3cret", ChangeSource.ADMIN);
        AdminUrls.Answer a = get(remote, "/cfg.xml", "xuser=admin&xpassword=s3cret", null);
        assertEquals(200, a.status());
        assertTrue(a.type().startsWith("application/xml"));
        assertTrue(a.bodyText().contains("<Admin_Password ua=\"na\">************</Admin_Password>"), a.bodyText());
        assertFalse(a.bodyText().contains("s3cret"));
    }

    @Test
    void aPushIsAppliedAllOrNothing() throws Exception {
        store.set("Admin_Password", "s3cret", ChangeSource.ADMIN);
        String cred = "/admin/config.xml&xuser=admin&xpassword=s3cret";
        AdminUrls.Answer bad = push(cred, "<flat-profile><Station_Name>desk-1</Station_Name>"
                + "<Resync_Periodic>not-a-number</Resync_Periodic></flat-profile>");
        assertEquals(400, bad.status(), bad.bodyText());
        assertEquals("", store.get("Station_Name"), "nothing applied");
        AdminUrls.Answer good = push(cred, "<device><flat-profile><Station_Name ua=\"na\">desk-1</Station_Name>"
                + "<Admin_Password>************</Admin_Password><No_Such_Thing>1</No_Such_Thing></flat-profile></device>");
        assertEquals(200, good.status(), good.bodyText());
        assertEquals("desk-1", store.get("Station_Name"));
        assertEquals("s3cret", store.get("Admin_Password"), "the mask leaves the secret as it is");
        assertEquals(400, push(cred, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><flat-profile/>").status());
        assertEquals(413, push(cred, "<flat-profile>" + " ".repeat(AdminUrls.MAX_PUSH) + "</flat-profile>").status());
        assertEquals(405, get(remote, "/admin/config.xml", "xuser=admin&xpassword=s3cret", null).status());
    }

    @Test
    void aPushAppliesUaAttributesWithTheValuesAllOrNothing() throws Exception {
        store.set("Admin_Password", "s3cret", ChangeSource.ADMIN);
        String cred = "/admin/config.xml&xuser=admin&xpassword=s3cret";
        assertEquals(Access.NA, store.parameter("GPP_B").orElseThrow().access());
        AdminUrls.Answer bad = push(cred, "<flat-profile><GPP_B ua=\"rw\">desk-2</GPP_B>"
                + "<GPP_A ua=\"ro\">x</GPP_A><Resync_Periodic>soon</Resync_Periodic></flat-profile>");
        assertEquals(400, bad.status(), bad.bodyText());
        assertEquals(Access.NA, store.parameter("GPP_B").orElseThrow().access(), "no ua applied either");
        assertEquals(Access.NA, store.parameter("GPP_A").orElseThrow().access());
        AdminUrls.Answer good = push(cred, "<flat-profile><GPP_B ua=\"rw\">desk-2</GPP_B>"
                + "<GPP_A ua=\"ro\">x</GPP_A><Admin_Password ua=\"ro\">************</Admin_Password></flat-profile>");
        assertEquals(200, good.status(), good.bodyText());
        assertEquals(Access.RW, store.parameter("GPP_B").orElseThrow().access());
        assertEquals("desk-2", store.get("GPP_B"));
        assertEquals(Access.RO, store.parameter("GPP_A").orElseThrow().access());
        assertEquals(Access.RO, store.parameter("Admin_Password").orElseThrow().access(), "a masked value's ua applies");
        assertEquals("s3cret", store.get("Admin_Password"));
    }

    @Test
    void upgradeNeedsAUrlAndTheService() throws Exception {
        assertEquals(400, get(loopback, "/admin/upgrade", "xuser=admin&xpassword=", null).status());
        assertEquals(503, get(loopback, "/admin/upgrade", "http://192.0.2.1/fw.loads&xuser=admin&xpassword=", null).status());
    }

    @Test
    void reportRunsReportRuleAndSaysEachTargetsOutcome() throws Exception {
        List<String> asked = new ArrayList<>();
        org.mppfw.api.report.Reports reports = new org.mppfw.api.report.Reports() {
            @Override
            public List<org.mppfw.api.report.ReportOutcome> report(String rule) {
                asked.add(String.valueOf(rule));
                return List.of(new org.mppfw.api.report.ReportOutcome("http://192.0.2.1:80/r.xml", false, "HTTP 500"));
            }

            @Override
            public org.mppfw.api.report.ProblemReport problemReport(String reason) {
                throw new UnsupportedOperationException();
            }
        };
        AdminUrls.Answer a = urls.serve("GET", AdminRequest.parse("/admin/report", "xuser=admin&xpassword=", null), null,
                loopback, InputStream::nullInputStream, () -> new AdminUrls.Services(null, null, reports));
        assertEquals(502, a.status());
        assertTrue(a.bodyText().contains("not sent to http://192.0.2.1:80/r.xml: HTTP 500"), a.bodyText());
        assertEquals(List.of("null"), asked, "the phone's Report_Rule");
        assertEquals(503, get(loopback, "/admin/report", "xuser=admin&xpassword=", null).status());
    }
}
