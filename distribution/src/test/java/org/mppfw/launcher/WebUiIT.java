package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web pages of the image running as a phone, in Debian's headless Chromium: the admin sets
 * Profile_Rule to an nginx URL and resyncs from the Status page, the user sees ua=rw editable,
 * ua=ro read-only and never na, a script value shows as text, a POST without the CSRF token is
 * refused, and the server follows Web_Server_Port and Enable_Web_Server live.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiIT {

    @RegisterExtension
    static final Browser BROWSER = new Browser();
    @TempDir
    static Path scratch;
    static HttpPeer nginx;
    static PhoneProcess phone;
    static int port;
    static String base;

    @BeforeAll
    static void boot() throws Exception {
        BROWSER.start();
        nginx = new HttpPeer(scratch.resolve("nginx"));
        Files.writeString(nginx.file("profile.xml"), "<flat-profile>\n<GPP_A>from nginx</GPP_A>\n</flat-profile>\n");
        port = Ports.tcp();
        base = "http://127.0.0.1:" + port;
        phone = webPhone(scratch, port, "");
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

    /**
     * A power-on of the test image on {@code scratch}'s data dir serving plain HTTP on {@code port}
     * (after {@code commands}, empty for none), settled, its login page answering. A phone that does
     * not get there is stopped before the failure is thrown.
     */
    static PhoneProcess webPhone(Path scratch, int port, String commands) throws Exception {
        Path data = scratch.resolve("data");
        PhoneProcess.batch(UpgradeIT.IMAGE, data, "", "param:set Enable_Protocol Http; param:set Web_Server_Port " + port
                + (commands.isEmpty() ? "" : "; " + commands));
        PhoneProcess phone = PhoneProcess.start(UpgradeIT.IMAGE, data, scratch.resolve("phone.log"), UpgradeIT.OPTS);
        try {
            phone.awaitSettled(data);
            Await.until("the web server on port " + port, () -> status(port) == 200);
            return phone;
        } catch (Exception | AssertionError e) {
            phone.close();
            throw e;
        }
    }

    /** The HTTP status of the login page on a port, 0 when nothing listens there. */
    static int status(int p) {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/login")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (ConnectException e) {
            return 0;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void login(String user, String password) {
        BROWSER.open(base + "/login");
        new Select(BROWSER.find("user")).selectByValue(user);
        BROWSER.find("password").sendKeys(password);
        BROWSER.find("login").click();
        BROWSER.find("logout");
    }

    private static void tab(String name) {
        BROWSER.open(base + "/voice?tab=" + name.replace(" ", "+"));
        BROWSER.find("submit");
    }

    private static String param(String name) throws Exception {
        return phone.run("param:get " + name).trim();
    }

    @Test
    @Order(1)
    void theAdminSetsProfileRuleAndTheStatusPageShowsARealResync() throws Exception {
        login("admin", "");
        assertTrue(BROWSER.driver().getPageSource().contains("Product Information"));
        assertTrue(BROWSER.find("loopback-only").getText().contains("answer only to clients on this phone's loopback"),
                "the admin is told that the pages answer only on loopback until a password is set");
        tab("Provisioning");
        WebElement rule = BROWSER.find("p-Profile_Rule");
        rule.clear();
        String url = nginx.url("profile.xml");
        rule.sendKeys(url);
        BROWSER.find("submit").click();
        assertEquals("1 change applied.", BROWSER.awaitText("notice", "applied"));
        assertTrue(param("Profile_Rule").contains(url), "persisted: " + param("Profile_Rule"));

        BROWSER.open(base + "/status");
        BROWSER.find("resync").click();
        BROWSER.awaitText("notice", "Resync started.");
        String shown = BROWSER.await(d -> {
            d.get(base + "/status");
            String t = d.findElement(By.id("provisioning")).getText();
            return t.contains(url) && t.contains("(success)") ? t : null;
        });
        assertTrue(shown.contains("Profile_Rule"), shown);
        assertTrue(BROWSER.find("steps").getText().contains(url), "the resync's steps");
        assertTrue(param("GPP_A").contains("from nginx"), "the profile was applied");
        assertTrue(nginx.accessLog().contains("GET /profile.xml"), nginx.accessLog());
        String network = BROWSER.find("network").getText();
        assertTrue(network.contains("IP Address") && network.contains("DHCP"), network);
        assertTrue(BROWSER.find("product").getText().contains("Customization"), "the customization state");
        BROWSER.screenshot(Path.of("target/webui-status.png"));
    }

    @Test
    @Order(2)
    void theUserSeesRwEditableRoReadOnlyAndNeverNa() throws Exception {
        Path profile = scratch.resolve("ro.xml");
        Files.writeString(profile, "<flat-profile><Station_Name ua=\"ro\">Reception</Station_Name></flat-profile>");
        phone.run("param:import " + profile);
        phone.run("param:set User_Password us3r-Secret");
        login("user", "us3r-Secret");
        assertTrue(BROWSER.all(By.linkText("Provisioning")).isEmpty(), "a tab of na parameters only is not offered");
        tab("Phone");
        WebElement station = BROWSER.find("p-Station_Name");
        assertFalse(station.isEnabled(), "ro is read-only");
        assertEquals("Reception", station.getAttribute("value"));
        tab("User");
        assertTrue(BROWSER.find("p-Cfwd_All_Dest").isEnabled(), "rw is editable");
        tab("System");
        assertTrue(BROWSER.all(By.id("p-Admin_Password")).isEmpty(), "na is never shown");
        BROWSER.open(base + "/voice?tab=Provisioning");
        assertTrue(BROWSER.all(By.id("submit")).isEmpty(), "an na tab is not served to the user");
    }

    @Test
    @Order(3)
    void aScriptValueShowsAsText() throws Exception {
        String probe = "<script>document.title='pwned'</script>";
        phone.run("param:set Station_Name \"" + probe + "\"");
        login("admin", "");
        tab("Phone");
        assertEquals(probe, BROWSER.find("p-Station_Name").getAttribute("value"));
        assertTrue(BROWSER.all(By.tagName("script")).isEmpty(), "no script element reached the page");
        assertEquals("Voice > Phone", BROWSER.driver().getTitle());
    }

    @Test
    @Order(4)
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        login("admin", "");
        tab("Phone");
        String before = param("Station_Name");
        BROWSER.driver().executeScript("var f=document.createElement('form');f.method='post';"
                + "f.action='/voice?tab=Phone';var i=document.createElement('input');i.name='Station_Name';"
                + "i.value='csrf-probe';f.appendChild(i);document.body.appendChild(f);f.submit();");
        String refused = BROWSER.await(d -> d.getPageSource().contains("CSRF") ? d.getPageSource() : null);
        assertTrue(refused.contains("403"), refused);
        assertEquals(before, param("Station_Name"));
        assertFalse(param("Station_Name").contains("csrf-probe"));
    }

    @Test
    @Order(5)
    void aFormOnAnotherSiteChangesNothing() throws Exception {
        login("admin", "");
        String before = param("Station_Name");
        Files.writeString(nginx.file("attack.html"), "<!DOCTYPE html><html><body><form method=\"post\" action=\""
                + base + "/voice?tab=Phone\"><input name=\"Station_Name\" value=\"cross-site\">"
                + "<input name=\"csrf\" value=\"guess\"><button id=\"go\">go</button></form></body></html>");
        BROWSER.open(nginx.url("attack.html"));
        BROWSER.find("go").click();
        BROWSER.await(d -> d.getCurrentUrl().startsWith(base) ? d.getCurrentUrl() : null);
        assertEquals(before, param("Station_Name"));
        assertTrue(BROWSER.driver().getPageSource().contains("403"), BROWSER.driver().getPageSource());
    }

    @Test
    @Order(6)
    void cookieAndHeadersAreStrictAndQueryStringsAreNotLogged() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login?password=q-secret-4711")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));
        assertTrue(page.headers().firstValue("Server").isEmpty(), "no Server header");
        HttpResponse<String> in = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=admin&password=")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, in.statusCode());
        String cookie = in.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("mppfw-session=") && cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict"),
                cookie);
        assertFalse(phone.log().contains("q-secret-4711"), "the query string is not logged");
    }

    @Test
    @Order(7)
    void portAndEnableFollowTheParametersLive() throws Exception {
        int next = Ports.tcp();
        phone.run("param:set Web_Server_Port " + next);
        Await.until("the web server on the new port " + next, () -> status(next) == 200);
        Await.until("the old port closed", () -> status(port) == 0);
        phone.run("param:set Enable_Web_Server No");
        Await.until("the web server closed", () -> status(next) == 0);
        phone.run("param:set Enable_Web_Server Yes");
        Await.until("the web server open again", () -> status(next) == 200);
        phone.run("param:set Enable_Protocol Https");
        WebHttpsIT.assertServesTls(next); // the phone's self-signed certificate (WebHttpsIT)
        Await.until("Https serves no plain HTTP", () -> status(next) != 200);
    }
}
