package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.mppfw.api.clock.Clock;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.display.Display;
import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Screen;
import org.mppfw.api.keypad.Key;
import org.mppfw.api.keypad.Keypad;

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
    final LcdPanel panel = new LcdPanel(display, keypad, CLOCK, new PressLimit(now::get));
    final Sessions.Session session = new Sessions.Session("sid", Role.USER, "tok");

    @Test
    void aPressGoesToTheKeypadAndAnswersTheScreenAfterIt() {
        LcdPanel.Answer a = panel.press(session, "settings", true);
        assertEquals(List.of(Key.SETTINGS), pressed);
        assertEquals(200, a.status());
        assertTrue(a.body().contains("<div id=\"lcd-title\">Settings</div>"), a.body());
        assertTrue(a.body().contains("<span id=\"lcd-time\">14:05</span>"), a.body());

        LcdPanel.Answer form = panel.press(session, "#", false);
        assertEquals(303, form.status(), "a plain form post goes back to the page");
        assertEquals(LcdPanel.PAGE, form.location());
        assertEquals(List.of(Key.SETTINGS, Key.POUND), pressed);
    }

    @Test
    void aNameThatIsNoKeyPressesNothing() {
        assertEquals(400, panel.press(session, "line1", true).status());
        assertEquals(400, panel.press(session, null, true).status());
        assertEquals(400, panel.press(session, "<script>", true).status());
        assertTrue(pressed.isEmpty());
    }

    @Test
    void pressesAboveTheRateAreRefusedAndNotPressed() {
        for (int i = 0; i < PressLimit.BURST; i++) {
            assertEquals(200, panel.press(session, "down", true).status());
        }
        LcdPanel.Answer over = panel.press(session, "1", true);
        assertEquals(429, over.status());
        assertTrue(over.body().contains("at most 20 a second"), over.body());
        assertEquals(PressLimit.BURST, pressed.size(), "the refused press never reached the keypad");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertEquals(200, panel.press(session, "1", true).status());
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
        String page = panel.page(session, List.of("Phone"));
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
}
