package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testing.Commands;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

/**
 * Info &gt; Phone Screen of the image running as a phone, in Debian's headless Chromium: the keys
 * on the page drive the phone's menus (the shell's {@code lcd:show} sees the same screen), the page
 * follows keys pressed elsewhere, a press without the CSRF token and requests without a session
 * get no screen and press nothing, a user on an address that is not loopback has the keys off
 * while the phone screen acts as the admin without a password, the page stops when its session
 * ends, and once an admin password is set the user's presses meet the phone's admin password page
 * like a press on the phone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebLcdIT {

    @RegisterExtension
    static final Browser BROWSER = new Browser();
    @TempDir
    static Path scratch;
    static PhoneProcess phone;
    static Scratch peers;
    static String base;
    /** The phone's web pages on an address of this host that is not loopback. */
    static String remote;

    @BeforeAll
    static void boot() throws Exception {
        BROWSER.start();
        int port = Ports.tcp();
        base = "http://127.0.0.1:" + port;
        phone = WebUiIT.webPhone(scratch, port, "");
        // an address that is not loopback: one end of a veth pair whose other end is in a namespace,
        // which takes the pair with it when it is deleted
        long id = ProcessHandle.current().pid() % 100_000;
        String net = "10.237." + (id % 250) + ".";
        peers = new Scratch("web-lcd-it");
        String ns = peers.namespace("mppfw-lcd-" + id);
        Commands.ok(null, "ip", "link", "add", "mlc" + id + "a", "type", "veth", "peer", "name", "mlc" + id + "b");
        Commands.ok(null, "ip", "link", "set", "mlc" + id + "b", "netns", ns);
        Commands.ok(null, "ip", "addr", "add", net + "1/24", "dev", "mlc" + id + "a");
        Commands.ok(null, "ip", "link", "set", "mlc" + id + "a", "up");
        remote = "http://" + net + "1:" + port;
    }

    @AfterAll
    static void halt() throws Exception {
        if (phone != null) {
            phone.close();
        }
        if (peers != null) {
            peers.close();
        }
        BROWSER.close();
    }

    private static void login(String user, String password) {
        login(base, user, password);
    }

    private static void login(String site, String user, String password) {
        BROWSER.open(site + "/login");
        new Select(BROWSER.find("user")).selectByValue(user);
        BROWSER.find("password").sendKeys(password);
        BROWSER.find("login").click();
        BROWSER.find("logout");
    }

    /** Clicks a key's button on the page (a soft key's button is redrawn with the screen: again if it was). */
    private static void click(String id) {
        BROWSER.await(d -> {
            try {
                d.findElement(By.id("key-" + id)).click();
                return Boolean.TRUE;
            } catch (StaleElementReferenceException e) {
                return null;
            }
        });
    }

    /** Waits until the element of the page's LCD shows this text (the LCD is redrawn as it changes). */
    private static void awaitShown(String css, String text) {
        BROWSER.await(d -> {
            try {
                return text.equals(d.findElement(By.cssSelector(css)).getText()) ? text : null;
            } catch (StaleElementReferenceException e) {
                return null;
            }
        });
    }

    private static void awaitTitle(String title) {
        awaitShown("#lcd-title", title);
    }

    private static String lcd() throws Exception {
        return phone.run("lcd:show");
    }

    @Test
    @Order(1)
    void theKeysOnThePageDriveTheMenusAndTheShellSeesTheSameScreen() throws Exception {
        login("admin", "");
        BROWSER.driver().findElement(By.linkText("Info > Phone Screen")).click();
        BROWSER.find("lcd");
        assertEquals("Info > Phone Screen", BROWSER.driver().getTitle());
        click("settings");
        awaitTitle("Settings");
        assertTrue(lcd().contains("| Settings"), "the shell sees the menu the page opened:\n" + lcd());
        click("down");
        awaitShown("#lcd-lines li.selected", "Device administration");
        click("select");
        awaitTitle("Device administration");
        awaitShown("#lcd-lines li.selected", "Profile rule");
        String shown = lcd();
        assertTrue(shown.contains("| Device administration") && shown.contains("> Profile rule"), shown);
        Path shot = Path.of("target/webui-lcd.png");
        Files.write(shot, BROWSER.find("keypad").getScreenshotAs(OutputType.BYTES));

        click("soft1"); // the menu's Select soft key
        awaitTitle("Profile rule");
        awaitShown("#lcd-lines li:first-child", "Enter the profile rule");
        BROWSER.find("lcd-input");
        assertTrue(lcd().contains("| Profile rule"), lcd());
        assertTrue(BROWSER.all(By.cssSelector("#lcd-state.error")).isEmpty(), "no error on the page");
        List<LogEntry> logged = BROWSER.driver().manage().logs().get(LogType.BROWSER).getAll();
        assertTrue(logged.stream().noneMatch(e -> e.getLevel().intValue() >= Level.WARNING.intValue()),
                "no script error nor refusal by the page's security policy: " + logged);
    }

    @Test
    @Order(2)
    void thePageFollowsKeysPressedElsewhere() throws Exception {
        phone.run("key:press back");
        awaitTitle("Device administration");
        phone.run("key:press back");
        awaitTitle("Settings");
    }

    @Test
    @Order(3)
    void aPressWithoutTheCsrfTokenIsRefusedAndPressesNothing() throws Exception {
        String before = lcd();
        Object status = BROWSER.driver().executeAsyncScript("var done = arguments[0];"
                + "fetch('/lcd/press', {method: 'POST', body: new URLSearchParams({key: 'down'}),"
                + " headers: {'X-Lcd-Fragment': '1'}}).then(function (r) { done(r.status); });");
        assertEquals(403L, status);
        Object wrong = BROWSER.driver().executeAsyncScript("var done = arguments[0];"
                + "fetch('/lcd/press', {method: 'POST', body: new URLSearchParams({key: 'down', csrf: 'guess'}),"
                + " headers: {'X-Lcd-Fragment': '1'}}).then(function (r) { done(r.status); });");
        assertEquals(403L, wrong);
        assertEquals(before, lcd(), "nothing was pressed");
    }

    @Test
    @Order(4)
    void withoutASessionThereIsNoScreenAndNoPress() throws Exception {
        String before = lcd();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> screen = http.send(HttpRequest.newBuilder(URI.create(base + "/lcd/screen")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, screen.statusCode());
        assertEquals("/login", URI.create(screen.headers().firstValue("Location").orElseThrow()).getPath());
        assertFalse(screen.body().contains("lcd-"), screen.body());
        HttpResponse<String> press = http.send(HttpRequest.newBuilder(URI.create(base + "/lcd/press"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Lcd-Fragment", "1")
                .header("Cookie", "mppfw-session=guess").POST(HttpRequest.BodyPublishers.ofString("key=down&csrf=guess"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, press.statusCode());
        assertFalse(press.body().contains("lcd-"), press.body());
        assertEquals(before, lcd(), "nothing was pressed");
    }

    @Test
    @Order(5)
    void aUserOnAnotherAddressHasTheKeysOffWhileThePhoneScreenActsAsTheAdmin() throws Exception {
        login(remote, "user", "");
        BROWSER.open(remote + "/lcd");
        assertTrue(BROWSER.find("lcd-closed").getText().contains("no Admin_Password is set"));
        assertFalse(BROWSER.find("key-settings").isEnabled(), "the keys are off");
        assertFalse(BROWSER.find("key-soft1").isEnabled(), "the soft keys too");
        String before = lcd();
        Object status = BROWSER.driver().executeAsyncScript("var done = arguments[0];"
                + "fetch('/lcd/press', {method: 'POST', body: new URLSearchParams({key: 'settings',"
                + " csrf: document.querySelector('input[name=csrf]').value}), headers: {'X-Lcd-Fragment': '1'}})"
                + ".then(function (r) { done(r.status); });");
        assertEquals(403L, status, "a press with the token is refused too");
        assertEquals(before, lcd(), "nothing was pressed");
        phone.run("key:press down");
        awaitShown("#lcd-lines li.selected", "Device administration"); // the screen stays live
    }

    @Test
    @Order(6)
    void thePageStopsWhenItsSessionEnds() throws Exception {
        login("admin", "");
        BROWSER.open(base + "/lcd");
        assertTrue(BROWSER.find("key-settings").isEnabled());
        phone.run("param:set Admin_Password Lcd-IT-s3cret"); // a changed password ends every session
        BROWSER.awaitText("lcd-state", "The session ended");
        assertTrue(BROWSER.find("lcd-login").isDisplayed());
        assertFalse(BROWSER.find("key-settings").isEnabled(), "the keys are off");
    }

    @Test
    @Order(7)
    void onceAnAdminPasswordIsSetAUsersPressesMeetThePhonesAdminPasswordPage() throws Exception {
        login(remote, "user", "");
        BROWSER.open(remote + "/lcd");
        assertTrue(BROWSER.all(By.id("lcd-closed")).isEmpty(), "the keys are on");
        click("settings");
        awaitShown("#lcd-lines li.selected", "Status");
        click("down");
        awaitShown("#lcd-lines li.selected", "Device administration");
        click("select");
        awaitTitle("Admin password");
        assertTrue(lcd().contains("| Admin password"), lcd());
        click("soft4"); // Cancel
        awaitTitle("Settings");
        String shown = lcd();
        assertTrue(shown.contains("| Settings") && !shown.contains("| Device administration"),
                "the admin pages stayed closed:\n" + shown);
    }
}
