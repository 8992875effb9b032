package org.mppfw.display.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.Access;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.display.Screen;

/**
 * The phone screen as the Admin on a factory phone, as the User with {@code Phone-UI-User-Mode},
 * and the admin password in front of the admin pages; on the real parameter store.
 */
class AdminGateTest {

    private static final String PASSWORD = "Zq7.Kw9x";

    @TempDir
    Path data;

    private Phone guarded() throws Exception {
        Phone p = new Phone(data);
        p.store.set("Admin_Password", PASSWORD, ChangeSource.ADMIN);
        return p;
    }

    private static void clearInput(Phone p) {
        while (!p.screen().input().isEmpty()) {
            p.press("soft3");
        }
    }

    private static void assertPasswordPage(Phone p, String note) {
        assertEquals(Pages.ADMIN_PASSWORD, p.screen().title(), p.screen().toString());
        assertEquals(List.of(Pages.ADMIN_PROMPT, note), p.screen().lines());
        assertEquals("", p.screen().input());
    }

    @Test
    void aFactoryPhoneTakesAProfileRuleFromTheKeypadAndResyncs() throws Exception {
        Phone p = new Phone(data);
        assertEquals(Access.NA, p.store.parameter("Profile_Rule").orElseThrow().access(), "factory access");
        p.press("settings", "2", "1");
        assertEquals(Pages.PROFILE_RULE, p.screen().title(), p.screen().toString());
        assertEquals("/$PSN.xml", p.screen().input());
        clearInput(p);
        String rule = "tftp://192.168.1.5/CP_x8xx_MPP.cfg";
        p.type(rule).press("soft1");
        assertEquals(rule, p.store.get("Profile_Rule"));
        assertFalse(p.store.parameter("Profile_Rule").orElseThrow().userSet(), "written as the Admin");
        assertEquals(Access.NA, p.store.parameter("Profile_Rule").orElseThrow().access(), "ua is left as it is");
        assertEquals(1, p.engine.resyncs);
        assertTrue(ProvisioningScreens.passive(p.screen()), "home after the resync: " + p.screen());
    }

    @Test
    void theUserModeHonoursUaAndAsksForNoAdminPassword() throws Exception {
        Phone p = guarded();
        p.provision("<flat-profile><Phone-UI-User-Mode>Yes</Phone-UI-User-Mode>"
                + "<Profile_Rule ua=\"ro\">/ro.xml</Profile_Rule></flat-profile>");
        p.press("settings", "2");
        assertEquals(Pages.menu(Pages.DEVICE_ADMIN, 0), p.screen(), "the User sees the menu");
        p.press("1");
        assertEquals(List.of("You may not change the profile rule", "user access to Profile_Rule is ro"),
                p.screen().lines());

        p.provision("<flat-profile><Profile_Rule ua=\"rw\"/></flat-profile>");
        p.press("back", "1");
        clearInput(p);
        p.type("/user.xml").press("soft2");
        assertEquals("/user.xml", p.store.get("Profile_Rule"));
        assertTrue(p.store.parameter("Profile_Rule").orElseThrow().userSet(), "written as the User");
    }

    @Test
    void anAdminPasswordGuardsTheAdminPagesWithAMaskedEntry() throws Exception {
        Phone p = guarded();
        p.press("settings", "1");
        assertEquals(Pages.menu(Pages.STATUS, 0), p.screen(), "Status needs no password");
        p.press("back", "2");
        assertPasswordPage(p, Pages.ADMIN_HINT);

        p.type("n0pe");
        assertEquals("****", p.screen().input());
        assertFalse(p.text().contains("n0pe"), p.text());
        p.press("select");
        assertPasswordPage(p, "Wrong password: try again");
        p.press("back");
        assertEquals(Pages.menu(Pages.SETTINGS, 0), p.screen(), "Cancel goes back to Settings");
        p.press("2", "2", "3"); // a menu key typed on the password page opens nothing
        assertEquals(Pages.ADMIN_PASSWORD, p.screen().title());
        p.press("soft2", "soft2", "soft2");

        p.type(PASSWORD);
        assertEquals("********", p.screen().input());
        assertFalse(p.text().contains(PASSWORD), p.text());
        p.press("soft1");
        assertEquals(Pages.menu(Pages.DEVICE_ADMIN, 0), p.screen());
        p.press("1");
        assertEquals(Pages.PROFILE_RULE, p.screen().title());
        clearInput(p);
        p.type("/admin.xml").press("soft2");
        assertEquals("/admin.xml", p.store.get("Profile_Rule"));
        assertEquals("Profile rule saved", p.screen().lines().get(0));

        // the session lasts while the keys stay on the admin pages, within the time-out
        p.clock.advance(AdminGate.SESSION.minusSeconds(1));
        p.press("back");
        assertEquals(Pages.menu(Pages.DEVICE_ADMIN, 0), p.screen());
        p.clock.advance(AdminGate.SESSION.minusSeconds(1));
        p.press("down");
        assertEquals(1, p.screen().selected(), "each key starts the time-out again");
        p.clock.advance(AdminGate.SESSION);
        p.press("down");
        assertPasswordPage(p, Pages.ADMIN_HINT);
        p.type(PASSWORD).press("select");
        assertEquals(Pages.menu(Pages.DEVICE_ADMIN, 0), p.screen());

        // leaving the menu ends it
        p.press("back");
        assertEquals(Pages.SETTINGS, p.screen().title());
        p.press("2");
        assertPasswordPage(p, Pages.ADMIN_HINT);
        p.type(PASSWORD).press("select", "3");
        assertEquals(Pages.resetQuestion(), p.screen());
        p.press("settings", "2");
        assertPasswordPage(p, Pages.ADMIN_HINT);
    }

    @Test
    void wrongEntriesInARowMakeTheNextOnesWait() throws Exception {
        Phone p = guarded();
        p.press("settings", "2");
        p.type("wrong1").press("select");
        assertPasswordPage(p, "Wrong password: try again");
        p.type("wrong2").press("select");
        assertPasswordPage(p, "Wrong password: try again");
        p.type("wrong3").press("select");
        assertPasswordPage(p, "Wrong password: try again in 30 s");

        p.clock.advance(Duration.ofSeconds(20));
        p.type(PASSWORD).press("select");
        assertPasswordPage(p, "Too many wrong passwords: try again in 10 s");
        p.clock.advance(Duration.ofSeconds(10));
        p.type("wrong4").press("select");
        assertPasswordPage(p, "Wrong password: try again in 60 s");
        p.clock.advance(Duration.ofSeconds(60));
        p.type(PASSWORD).press("select");
        assertEquals(Pages.menu(Pages.DEVICE_ADMIN, 0), p.screen(), "the right one after the wait");

        p.press("back", "2");
        p.type("wrong5").press("select");
        assertPasswordPage(p, "Wrong password: try again");
        p.type(PASSWORD).press("select");
        assertEquals(Pages.DEVICE_ADMIN, p.screen().title(), "a right entry starts the count again");
    }

    @Test
    void theWaitDoublesUpToItsLongest() {
        assertEquals(Duration.ZERO, AdminGate.waitAfter(1));
        assertEquals(Duration.ZERO, AdminGate.waitAfter(AdminGate.FREE_TRIES));
        assertEquals(Duration.ofSeconds(30), AdminGate.waitAfter(3));
        assertEquals(Duration.ofSeconds(60), AdminGate.waitAfter(4));
        assertEquals(Duration.ofSeconds(480), AdminGate.waitAfter(7));
        assertEquals(AdminGate.MAX_WAIT, AdminGate.waitAfter(8));
        assertEquals(AdminGate.MAX_WAIT, AdminGate.waitAfter(Integer.MAX_VALUE));
    }

    @Test
    void aReplacedDisplayAsksAgainAndForgetsWhatWasTyped() throws Exception {
        Path file = data.resolve("display/lcd-screen.properties");
        Phone p = new Phone(data.resolve("first"), new ScreenFile(file));
        p.store.set("Admin_Password", PASSWORD, ChangeSource.ADMIN);
        p.press("settings", "2").type(PASSWORD).press("select", "1");
        Screen editing = p.screen();
        assertEquals(Pages.PROFILE_RULE, editing.title());
        p.display.stop();

        Phone q = new Phone(data.resolve("first"), new ScreenFile(file));
        assertEquals(editing, q.screen(), "the same page comes back");
        q.press("soft2");
        assertPasswordPage(q, Pages.ADMIN_HINT);
        assertEquals("/$PSN.xml", q.store.get("Profile_Rule"), "nothing saved without the password");

        q.type(PASSWORD.substring(0, 3));
        q.display.stop();
        assertFalse(Files.readString(file).contains(PASSWORD.substring(0, 3)), "what is typed is never written");
        Phone r = new Phone(data.resolve("first"), new ScreenFile(file));
        assertEquals("***", r.screen().input());
        r.type(PASSWORD).press("select");
        assertEquals(Pages.menu(Pages.DEVICE_ADMIN, 0), r.screen(), "typing starts again from nothing");
    }
}
