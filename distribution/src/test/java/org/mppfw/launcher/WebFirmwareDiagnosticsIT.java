package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testing.Await;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin's Info pages and admin URLs against real peers: Resync Diagnostics after real resyncs
 * against nginx (a 404, then a profile with one invalid value); {@code /admin/upgrade?URL} with curl
 * installs a signed image from nginx in place, the Firmware page shows it and its Rollback button,
 * in Chromium, goes back; {@code /admin/report} runs Report_Rule to Apache httpd with mod_dav.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebFirmwareDiagnosticsIT {

    private static final String PASSWORD = "adm-pw-6203";

    @RegisterExtension
    static final Browser BROWSER = new Browser();
    @TempDir
    static Path scratch;
    static HttpPeer nginx;
    static PhoneProcess phone;
    static String base;
    static Path v2;

    @BeforeAll
    static void boot() throws Exception {
        BROWSER.start();
        TestImages images = new TestImages(UpgradeIT.IMAGE, UpgradeIT.KEY, scratch.resolve("images"));
        v2 = images.draft("v2").change("mppfw-crypto.jar", "v2")
                .build(UpgradeIT.V2, scratch.resolve("out/sip88xx." + UpgradeIT.V2 + ".loads"));
        nginx = new HttpPeer(scratch.resolve("nginx"));
        Files.copy(v2, nginx.file(v2.getFileName().toString()));
        Files.writeString(nginx.file("diag.xml"), "<flat-profile>\n<GPP_A>from the diagnosed profile</GPP_A>\n"
                + "<Resync_Periodic>soon</Resync_Periodic>\n</flat-profile>\n");
        int port = Ports.tcp();
        base = "http://127.0.0.1:" + port;
        phone = WebUiIT.webPhone(scratch, port, "param:set Admin_Password " + PASSWORD);
    }

    @AfterAll
    static void halt() throws Exception {
        if (phone != null) {
            phone.close();
        }
        if (nginx != null) {
            nginx.close();
        }
        BROWSER.close();
    }

    private static void loginAsAdmin() {
        BROWSER.open(base + "/login");
        new Select(BROWSER.find("user")).selectByValue("admin");
        BROWSER.find("password").sendKeys(PASSWORD);
        BROWSER.find("login").click();
        BROWSER.find("logout");
    }

    private static String admin(String url) {
        return url + (url.contains("?") ? "&" : "?") + "xuser=admin&xpassword=" + PASSWORD;
    }

    private static String history() {
        try {
            return phone.run("prov:history");
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Test
    @Order(1)
    void diagnosticsShowEveryRealResyncWithItsRuleUrlHttpOutcomeAndRejectedParameter() throws Exception {
        String missing = nginx.url("missing.xml");
        AdminUrlsIT.Answer a = AdminUrlsIT.curl(admin(base + "/admin/resync?" + missing));
        assertEquals(200, a.status(), a.body());
        Await.until("the 404 recorded", () -> history().contains("missing.xml"));
        phone.run("param:set Profile_Rule " + nginx.url("diag.xml"));
        a = AdminUrlsIT.curl(admin(base + "/admin/resync"));
        assertEquals(200, a.status(), a.body());
        Await.until("the profile's resync recorded", () -> history().contains("diag.xml"));

        loginAsAdmin();
        BROWSER.find("nav-diagnostics").click();
        String newest = BROWSER.awaitText("attempt-1", "diag.xml");
        assertTrue(BROWSER.find("attempt-1").findElement(By.className("rule")).getText().contains("Profile_Rule"), newest);
        assertTrue(BROWSER.find("attempt-1").findElement(By.className("url")).getText().contains(nginx.url("diag.xml")),
                newest);
        assertTrue(newest.contains("A (success)"), newest);
        String rejected = BROWSER.find("attempt-1").findElement(By.className("rejected")).getText();
        assertTrue(rejected.contains("Resync_Periodic"), rejected);
        assertTrue(BROWSER.find("attempt-1").findElement(By.className("applied")).getText().contains("GPP_A"), newest);
        String older = BROWSER.find("attempt-2").getText();
        assertTrue(older.contains("missing.xml") && older.contains("request"), older);
        assertEquals("404", BROWSER.find("attempt-2").findElement(By.className("status")).findElement(By.tagName("td"))
                .getText(), older);
        assertFalse(BROWSER.driver().getPageSource().contains(PASSWORD));
        assertFalse(BROWSER.driver().getPageSource().matches("(?s).*T\\d\\d:\\d\\d:\\d\\d\\.\\d.*"), "no fractions of a second");
        assertTrue(phone.run("param:get GPP_A").contains("from the diagnosed profile"));
        BROWSER.screenshot(Path.of("target/webui-diagnostics.png"));

        String user = cookie("user=user&password=");
        assertEquals(403, AdminUrlsIT.curl("-o", "/dev/null", "-H", "Cookie: " + user, base + "/diagnostics").status());
        assertEquals(403, AdminUrlsIT.curl("-o", "/dev/null", "-H", "Cookie: " + user, base + "/firmware").status());
        String admin = cookie("user=admin&password=" + PASSWORD);
        assertEquals(200, AdminUrlsIT.curl("-o", "/dev/null", "-H", "Cookie: " + admin, base + "/firmware").status());
        AdminUrlsIT.Answer forged = AdminUrlsIT.curl("-o", "/dev/null", "-H", "Cookie: " + admin, "-d",
                "action=upgrade&url=" + nginx.url(v2.getFileName().toString()), base + "/firmware");
        assertEquals(403, forged.status(), "an upgrade without the CSRF token is refused");
        assertFalse(nginx.accessLog().contains(".loads"), nginx.accessLog());
    }

    /** Logs in with curl; returns the session cookie. */
    private static String cookie(String form) throws Exception {
        AdminUrlsIT.Answer in = AdminUrlsIT.curl("-D", "-", "-o", "/dev/null", "-d", form, base + "/login");
        return in.body().lines().filter(l -> l.regionMatches(true, 0, "Set-Cookie: ", 0, 12))
                .map(l -> l.substring(12).split(";")[0]).findFirst().orElseThrow(() -> new AssertionError(in.body()));
    }

    @Test
    @Order(2)
    void adminUpgradeSwapsInPlaceAndTheRollbackButtonGoesBack() throws Exception {
        AdminUrlsIT.Answer refused = AdminUrlsIT.curl(base + "/admin/upgrade?" + nginx.url(v2.getFileName().toString()));
        assertEquals(401, refused.status(), "no credentials, no upgrade: " + refused.body());
        AdminUrlsIT.Answer a = AdminUrlsIT.curl(admin(base + "/admin/upgrade?" + nginx.url(v2.getFileName().toString())));
        assertEquals(200, a.status(), a.body());
        UpgradeIT.awaitStatus(phone, "active a (" + UpgradeIT.V2 + ")", 120);
        UpgradeIT.awaitStatus(phone, "upgrade   idle", 60);

        loginAsAdmin();
        BROWSER.find("nav-firmware").click();
        assertTrue(BROWSER.find("fw-running-version").getText().contains(UpgradeIT.V2), BROWSER.find("sets").getText());
        assertTrue(BROWSER.find("fw-previous").getText().contains("factory (" + UpgradeIT.V1 + ")"),
                BROWSER.find("sets").getText());
        assertTrue(BROWSER.find("fw-last-attempt").getText().contains(v2.getFileName().toString()),
                BROWSER.find("upgrade").getText());
        BROWSER.find("rollback").click();
        assertTrue(BROWSER.find("rollback-question").getText().contains("to factory (" + UpgradeIT.V1 + ")"));
        assertTrue(phone.run("fw:status").contains("active a (" + UpgradeIT.V2 + ")"), "asking rolls nothing back");
        BROWSER.find("rollback-confirm").click();
        String notice = BROWSER.awaitText("notice", "rolled back to " + UpgradeIT.V1);
        assertTrue(BROWSER.find("fw-running-version").getText().contains(UpgradeIT.V1), notice);
        assertTrue(BROWSER.find("fw-previous").getText().contains("a (" + UpgradeIT.V2 + ")"), notice);
        String status = phone.run("fw:status");
        assertTrue(status.contains("active factory") && status.contains("previous a (" + UpgradeIT.V2 + ")"), status);
        BROWSER.screenshot(Path.of("target/webui-firmware.png"));
    }

    @Test
    @Order(3)
    void adminReportRunsReportRuleToARealServer() throws Exception {
        int port = Ports.tcp();
        try (Scratch apache = new Scratch("web-report-it")) {
            Path dav = ReportIT.webDav(apache, port);
            phone.run("param:set HTTP_Report_Method PUT");
            phone.run("param:set Report_Rule '[--status] http://127.0.0.1:" + port + "/dav/web-report.xml'");
            assertEquals(401, AdminUrlsIT.curl(base + "/admin/report").status(), "no credentials, no report");
            AdminUrlsIT.Answer a = AdminUrlsIT.curl("-u", "admin:" + PASSWORD, base + "/admin/report");
            assertEquals(200, a.status(), a.body());
            assertTrue(a.body().contains("sent to http://127.0.0.1:" + port + "/dav/"), a.body());
            Path report = Await.value("the report on the server", () -> find(dav, "web-report.xml"));
            String body = Files.readString(report);
            assertTrue(body.contains("<Last_Resync_Result>"), body);
            assertFalse(body.contains(PASSWORD), "no secret in the report");
        }
        assertFalse(phone.log().contains(PASSWORD), "no password in the log");
    }

    private static Path find(Path dir, String suffix) {
        try (Stream<Path> f = Files.list(dir)) {
            return f.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
