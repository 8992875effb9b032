package org.mppfw.display.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mppfw.display.internal.Fakes.NOW;
import static org.mppfw.display.internal.Fakes.ZONE;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mppfw.api.display.Screen;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ProvisioningStatus.State;
import org.mppfw.api.transport.ResultClass;

class ProvisioningScreensTest {

    private static final List<String> KEYS = List.of("1001");

    @Test
    void resyncingShowsProvisioning() {
        Screen s = ProvisioningScreens.screenFor(new ProvisioningStatus(State.RESYNCING, null, null, null, 0), NOW,
                ZONE.getRules(), KEYS);
        assertEquals("Provisioning", s.title());
        assertEquals(List.of("Provisioning…", "Please wait"), s.lines());
        assertEquals(List.of(), s.softKeys());
        assertEquals(-1, s.progress());
        assertEquals(KEYS, s.lineKeys());
    }

    @Test
    void idleAfterSuccessShowsDateLineKeysAndSoftKeys() {
        ProvisioningStatus st = new ProvisioningStatus(State.IDLE, Fakes.record(ResultClass.A, "ok"),
                NOW.plus(Duration.ofHours(1)), "periodic", 0);
        Screen s = ProvisioningScreens.screenFor(st, NOW, ZONE.getRules(), KEYS);
        assertEquals("", s.title());
        assertEquals(List.of("Wednesday, December 2"), s.lines());
        assertEquals(List.of("Resync", "Status"), s.softKeys());
        assertEquals(KEYS, s.lineKeys());
        assertNull(s.input());
    }

    @Test
    void failureShowsRetryInMinutesAndTheMessage() {
        ProvisioningStatus st = new ProvisioningStatus(State.IDLE,
                Fakes.record(ResultClass.C, "HTTP 404 Not Found"), NOW.plusSeconds(110), "retry", 1);
        Screen s = ProvisioningScreens.screenFor(st, NOW, ZONE.getRules(), KEYS);
        assertEquals(List.of("Wednesday, December 2", "Resync failed — retry in 2 min", "HTTP 404 Not Found"),
                s.lines());
        assertEquals(List.of("Resync", "Status"), s.softKeys());
    }

    /** What a factory phone with discovery off says: read whole on the LCD, not cut at its edge. */
    static final String NO_SERVER = "Profile_Rule: no server, and discovery is off: set a full URL "
            + "(param:set Profile_Rule http://server/$PSN.xml) or turn discovery on (mppfw.discovery.mode=dhcp)";

    @Test
    void aLongFailureMessageIsReadWholeOverSeveralLines() {
        ProvisioningStatus st = new ProvisioningStatus(State.IDLE, Fakes.record(ResultClass.C, NO_SERVER),
                NOW.plus(Duration.ofHours(1)), "retry", 1);
        List<String> lines = ProvisioningScreens.screenFor(st, NOW, ZONE.getRules(), KEYS).lines();
        assertEquals(List.of("Wednesday, December 2", "Resync failed — retry at 03:24", "Profile_Rule: no server, and",
                "discovery is off: set a full", "URL (param:set Profile_Rule", "http://server/$PSN.xml) or turn",
                "discovery on", "(mppfw.discovery.mode=dhcp)"), lines);

        DisplayService display = new DisplayService(Fakes.clock(), Fakes.identity(), (ScreenFile) null);
        new ProvisioningScreens(display, Fakes.clock(), Fakes.store(Map.of())).statusChanged(st);
        String shown = new TextRenderer().render(display.lcd());
        assertTrue(shown.contains("|              http://server/$PSN.xml) or turn |"), shown);
        assertFalse(shown.contains("~"), "nothing cut: " + shown);

        List<String> status = ProvisioningScreens.statusScreen(st, NOW, ZONE.getRules()).lines();
        assertEquals(List.of("Profile_Rule: no server, and discovery is", "off: set a full URL (param:set Profile_Rule",
                "http://server/$PSN.xml) or turn discovery on", "(mppfw.discovery.mode=dhcp)"), status.subList(2, 6));
    }

    @Test
    void wrapBreaksBetweenWordsAndCutsOnlyAWordLongerThanALine() {
        assertEquals(List.of("HTTP 404 Not Found"), ProvisioningScreens.wrap("HTTP 404 Not Found", 31));
        assertEquals(List.of("aa bb", "cc"), ProvisioningScreens.wrap(" aa  bb\ncc ", 5));
        assertEquals(List.of("x", "abcde", "fg y"), ProvisioningScreens.wrap("x abcdefg y", 5));
        assertEquals(List.of(), ProvisioningScreens.wrap("  ", 5));
    }

    @Test
    void waitingForIdleSaysSo() {
        ProvisioningStatus st = new ProvisioningStatus(State.WAITING_FOR_IDLE, null, NOW, "periodic", 0);
        assertEquals("Resync waits for the line to be idle",
                ProvisioningScreens.screenFor(st, NOW, ZONE.getRules(), KEYS).lines().get(1));
    }

    @Test
    void retryWording() {
        assertEquals("retry in 1 min", ProvisioningScreens.retry(NOW.plusSeconds(1), NOW, ZONE.getRules()));
        assertEquals("retry in 2 min", ProvisioningScreens.retry(NOW.plusSeconds(120), NOW, ZONE.getRules()));
        assertEquals("retry in 59 min", ProvisioningScreens.retry(NOW.plusSeconds(59 * 60), NOW, ZONE.getRules()));
        assertEquals("retry at 05:24", ProvisioningScreens.retry(NOW.plus(Duration.ofHours(3)), NOW, ZONE.getRules()));
        assertEquals("retry on Dec 4 02:24", ProvisioningScreens.retry(NOW.plus(Duration.ofDays(2)), NOW, ZONE.getRules()));
        assertEquals("retrying now", ProvisioningScreens.retry(NOW.minusSeconds(5), NOW, ZONE.getRules()));
        assertEquals("no retry planned", ProvisioningScreens.retry(null, NOW, ZONE.getRules()));
    }

    @Test
    void statusScreenShowsLastResultAndNext() {
        ProvisioningStatus failed = new ProvisioningStatus(State.IDLE,
                Fakes.record(ResultClass.B, "profile has a syntax error"), NOW.plusSeconds(120), "retry", 2);
        Screen s = ProvisioningScreens.statusScreen(failed, NOW, ZONE.getRules());
        assertEquals("Provisioning status", s.title());
        assertEquals(List.of("Last resync: 2026-12-02 02:23", "Result: failed (B)", "profile has a syntax error",
                "Next resync: 2026-12-02 02:26 (retry)"), s.lines());
        assertEquals(List.of("Resync", "Back"), s.softKeys());

        Screen none = ProvisioningScreens.statusScreen(new ProvisioningStatus(State.DISABLED, null, null, null, 0),
                NOW, ZONE.getRules());
        assertEquals(List.of("Last resync: none yet", "Next resync: none planned", "Provisioning is disabled"),
                none.lines());
    }

    @Test
    void componentShowsTheEngineStateOnActivationAndOnChange() {
        DisplayService display = new DisplayService(Fakes.clock(), Fakes.identity(), (ScreenFile) null);
        ProvisioningScreens screens = new ProvisioningScreens(display, Fakes.clock(),
                Fakes.store(Map.of("User_ID_1_", "1001")));
        new ProvisioningScreensRestore(screens,
                Fakes.engine(new ProvisioningStatus(State.RESYNCING, null, null, null, 0)));
        assertEquals("Provisioning…", display.current().lines().get(0));
        assertEquals(List.of("1001"), display.current().lineKeys());

        screens.statusChanged(new ProvisioningStatus(State.IDLE, Fakes.record(ResultClass.A, "ok"), null, null, 0));
        assertEquals(List.of("Wednesday, December 2"), display.current().lines());

        screens.showStatus(new ProvisioningStatus(State.IDLE, Fakes.record(ResultClass.A, "ok"), null, null, 0));
        assertEquals("Provisioning status", display.current().title());
        assertEquals("Result: success", display.current().lines().get(1));
    }

    @Test
    void aStatusFromTheEngineWinsOverTheRestoredOne() {
        DisplayService display = new DisplayService(Fakes.clock(), Fakes.identity(), (ScreenFile) null);
        ProvisioningScreens screens = new ProvisioningScreens(display, Fakes.clock(), Fakes.store(Map.of()));
        screens.statusChanged(new ProvisioningStatus(State.IDLE, Fakes.record(ResultClass.A, "ok"), null, null, 0));
        screens.restore(new ProvisioningStatus(State.RESYNCING, null, null, null, 0));
        assertEquals(List.of("Wednesday, December 2"), display.current().lines());
        assertEquals(List.of("Line 1"), display.current().lineKeys());
    }

    @Test
    void lineKeyFallsBackToTheLineNumber() {
        DisplayService display = new DisplayService(Fakes.clock(), Fakes.identity(), (ScreenFile) null);
        new ProvisioningScreensRestore(new ProvisioningScreens(display, Fakes.clock(), Fakes.store(Map.of("User_ID_1_", " "))), Fakes.engine(new ProvisioningStatus(State.IDLE, null, null, null, 0)));
        assertEquals(List.of("Line 1"), display.current().lineKeys());
    }
}
