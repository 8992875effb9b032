package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.display.Display;
import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Screen;
import org.mppfw.api.keypad.Key;
import org.mppfw.api.keypad.Keypad;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;

/** The phone-screen page: presses reach the keypad, the answer is the LCD after them, bounded. */
class LcdPanelTest {

    /** A display that holds what it is shown. */
    static final class FakeDisplay implements Display {
        volatile Screen screen = Screen.of("", "idle");
        volatile Indicators icons = Indicators.DEFAULT;

        @Override
        public void show(Screen s) {
            screen = s;
        }

        @Override
        public Screen current() {
            return screen;
        }

        @Override
        public void indicators(Indicators i) {
            icons = i;
        }

        @Override
        public Indicators indicators() {
            return icons;
        }
    }

    /** A phone at 14:05 UTC. */
    static final Clock CLOCK = new Clock() {
        @Override
        public Instant now() {
            return Instant.parse("2026-12-07T14:05:00Z");
        }

        @Override
        public ZoneId zone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Timer schedule(Duration delay, Runnable task) {
            throw new UnsupportedOperationException();
        }
    };

    final FakeDisplay display = new FakeDisplay();
    final List<Key> pressed = new ArrayList<>();
    /** A keypad whose Settings key opens the Settings menu, as the phone's menus do. */
    final Keypad keypad = k -> {
        pressed.add(k);
        if (k == Key.SETTINGS) {
            display.show(Screen.menu("Settings", List.of("Status", "Device administration"), 0));
        }
    };
    final AtomicLong now = new AtomicLong();
    final Sessions.Session session = new Sessions.Session("sid", Role.USER, "tok");
    final Sessions.Session admin = new Sessions.Session("aid", Role.ADMIN, "atok");
    @TempDir
    Path data;
    ParameterStoreImpl store;
    LcdPanel panel;

    @BeforeEach
    void open() throws Exception {
        store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        panel = new LcdPanel(display, keypad, CLOCK, store, new PressLimit(now::get));
    }

    @Test
    void aPressGoesToTheKeypadAndAnswersTheScreenAfterIt() {
        LcdPanel.Answer a = panel.press(session, "settings", true, true);
        assertEquals(List.of(Key.SETTINGS), pressed);
        assertEquals(200, a.status());
        assertTrue(a.body().contains("<div id=\"lcd-title\">Settings</div>"), a.body());
        assertTrue(a.body().contains("<span id=\"lcd-time\">14:05</span>"), a.body());

        LcdPanel.Answer form = panel.press(session, "#", false, true);
        assertEquals(303, form.status(), "a plain form post goes back to the page");
        assertEquals(LcdPanel.PAGE, form.location());
        assertEquals(List.of(Key.SETTINGS, Key.POUND), pressed);
    }

    @Test
    void aNameThatIsNoKeyPressesNothing() {
        assertEquals(400, panel.press(session, "line1", true, true).status());
        assertEquals(400, panel.press(session, null, true, true).status());
        assertEquals(400, panel.press(session, "<script>", true, true).status());
        assertTrue(pressed.isEmpty());
    }

    @Test
    void pressesAboveTheRateAreRefusedAndNotPressed() {
        for (int i = 0; i < PressLimit.BURST; i++) {
            assertEquals(200, panel.press(session, "down", true, true).status());
        }
        LcdPanel.Answer over = panel.press(session, "1", true, true);
        assertEquals(429, over.status());
        assertTrue(over.body().contains("at most 20 a second"), over.body());
        assertEquals(PressLimit.BURST, pressed.size(), "the refused press never reached the keypad");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertEquals(200, panel.press(session, "1", true, true).status());
    }

    @Test
    void thePageHasTheScreenTheKeysTheTokenAndTheScript() {
        panel.identity(new DeviceIdentity() {
            @Override
            public String model() {
                return "CP-8851-3PCC";
            }

            @Override
            public String productSeries() {
                return "88xx";
            }

            @Override
            public String mac() {
                return "000e08123456";
            }

            @Override
            public String serialNumber() {
                return "FCH0000";
            }

            @Override
            public String hardwareVersion() {
                return "1";
            }

            @Override
            public String firmwareVersion() {
                return "12.0.1";
            }
        });
        String page = panel.page(session, List.of("Phone"), true);
        assertTrue(page.contains("<title>Info &gt; Phone Screen</title>"), page);
        assertTrue(page.contains("<form id=\"keypad\" method=\"post\" action=\"/lcd/press\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"tok\">"), page);
        assertTrue(page.contains("CP-8851-3PCC") && page.contains("idle"), page);
        assertTrue(page.contains("id=\"key-settings\"") && page.contains("id=\"key-soft1\""), page);
        assertTrue(page.contains("<script src=\"/lcd.js\"></script>"), page);
        assertTrue(LcdPanel.POLICY.contains("script-src 'self'; connect-src 'self';")
                && LcdPanel.POLICY.startsWith("default-src 'none';") && LcdPanel.POLICY.contains("frame-ancestors 'none'"),
                LcdPanel.POLICY);
        assertFalse(LcdPanel.POLICY.contains("unsafe-inline'; script") || LcdPanel.POLICY.contains("script-src 'unsafe"),
                "no inline script is allowed");
    }

    @Test
    void pollingDoesNotKeepASessionAlive() {
        AtomicLong clock = new AtomicLong();
        Sessions sessions = new Sessions(clock::get);
        Sessions.Session s = sessions.create(Role.ADMIN);
        for (long m = 0; m < Sessions.IDLE_MINUTES; m++) {
            clock.addAndGet(TimeUnit.MINUTES.toNanos(1) - 1);
            assertTrue(sessions.peek(s.id()).isPresent(), "minute " + m);
        }
        clock.addAndGet(TimeUnit.MINUTES.toNanos(1));
        assertTrue(sessions.peek(s.id()).isEmpty(), "the polls did not restart the idle time");
        assertTrue(sessions.find(s.id()).isEmpty());
        assertTrue(sessions.peek(null).isEmpty());
        assertNull(sessions.peek("guess").orElse(null));
    }

    @Test
    void aUsersClicksPressKeysOnlyWhereThePhoneScreenGuardsItsAdminPages() throws Exception {
        assertTrue(panel.keys(admin, false), "the admin's always do");
        assertFalse(panel.keys(session, false), "factory settings, a client the admin login refuses");
        assertTrue(panel.keys(session, true), "where the admin login is open anyway (loopback)");

        LcdPanel.Answer refused = panel.press(session, "settings", true, panel.keys(session, false));
        assertEquals(403, refused.status());
        assertEquals(LcdAccess.CLOSED, refused.body());
        assertTrue(pressed.isEmpty(), "nothing was pressed");
        String page = panel.page(session, List.of(), false);
        assertTrue(page.contains("id=\"lcd-closed\"") && page.contains("id=\"key-settings\" aria-label=\"Settings\""
                + " title=\"Settings\" disabled>"), page);
        assertTrue(panel.screen(false).contains("disabled>"), "the soft keys too");

        store.set(LcdAccess.USER_MODE, "Yes", ChangeSource.ADMIN);
        assertTrue(panel.keys(session, false), "the screen is the User, held to ua");
        store.set(LcdAccess.USER_MODE, "No", ChangeSource.ADMIN);
        store.set(Login.ADMIN_PASSWORD, "s3cret", ChangeSource.ADMIN);
        assertTrue(panel.keys(session, false), "the screen asks for the admin password");
        assertEquals(200, panel.press(session, "settings", true, panel.keys(session, false)).status());
        assertEquals(List.of(Key.SETTINGS), pressed);
    }
}
