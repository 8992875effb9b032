package org.mppfw.display.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Indicators.Registration;
import org.mppfw.api.display.Screen;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ProvisioningStatus.State;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.testing.VirtualClock;

class DisplayServiceTest {

    @Test
    void keepsTheScreenAndBuildsTheTitleBarFromClockAndIdentity() {
        DisplayService d = new DisplayService(Fakes.clock(), Fakes.identity(), (ScreenFile) null);
        assertEquals(DisplayService.BOOT, d.current());
        Screen s = Screen.of("Info", "a", "b").withSoftKeys("Back");
        d.show(s);
        d.indicators(new Indicators(false, Registration.REGISTERING));
        Lcd lcd = d.lcd();
        assertEquals(new Lcd("02:24", "CP-8845-3PCC", new Indicators(false, Registration.REGISTERING), s), lcd);
    }

    @Test
    void theClockOfTheTitleBarIsThePhonesLocalTime() {
        VirtualClock clock = new VirtualClock(Fakes.NOW, ZoneId.of("UTC"));
        DisplayService d = new DisplayService(clock, Fakes.identity(), (ScreenFile) null);
        // as a profile with Time_Zone GMT+05:30 sets it
        clock.setRules(ZoneRules.of(ZoneOffset.ofHoursMinutes(5, 30)));
        assertEquals("07:54", d.lcd().time());
        // GMT-08:00 with daylight saving time from the last Sunday of March to the last of October
        ZoneOffset pst = ZoneOffset.ofHours(-8);
        ZoneOffset pdt = ZoneOffset.ofHours(-7);
        ZoneOffsetTransitionRule start = ZoneOffsetTransitionRule.of(java.time.Month.MARCH, -1,
                java.time.DayOfWeek.SUNDAY, java.time.LocalTime.of(2, 0), false,
                ZoneOffsetTransitionRule.TimeDefinition.WALL, pst, pst, pdt);
        ZoneOffsetTransitionRule end = ZoneOffsetTransitionRule.of(java.time.Month.OCTOBER, -1,
                java.time.DayOfWeek.SUNDAY, java.time.LocalTime.of(2, 0), false,
                ZoneOffsetTransitionRule.TimeDefinition.WALL, pst, pdt, pst);
        clock.setRules(ZoneRules.of(pst, pst, List.of(), List.of(start.createTransition(1970)), List.of(start, end)));
        assertEquals("18:24", d.lcd().time(), "2 December: standard time");
        clock.advance(Duration.ofDays(180));
        assertEquals("19:24", d.lcd().time(), "31 May: daylight saving time");
    }

    @Test
    void aNewRendererRedrawsTheSameScreen() {
        DisplayService d = new DisplayService(Fakes.clock(), Fakes.identity(), (ScreenFile) null);
        d.show(new Screen("Upgrading", List.of("Upgrading 45 %"), -1, List.of(), 45, List.of("1001"), null));
        String before = new TextRenderer().render(d.lcd());
        BufferedImage a = new PngRenderer().render(d.lcd());

        String after = new TextRenderer().render(d.lcd());
        BufferedImage b = new PngRenderer().render(d.lcd());
        assertEquals(before, after);
        assertArrayEquals(pixels(a), pixels(b));
        assertTrue(after.contains("Upgrading 45 %"), after);

        d.show(Screen.of("Other"));
        assertNotEquals(before, new TextRenderer().render(d.lcd()));
    }

    @Test
    void aRestartedDisplayShowsTheSameProvisioningScreen() {
        ProvisioningStatus failed = new ProvisioningStatus(State.IDLE, Fakes.record(ResultClass.C, "timeout"),
                Fakes.NOW.plusSeconds(120), "retry", 1);
        DisplayService first = new DisplayService(Fakes.clock(), Fakes.identity(), (ScreenFile) null);
        new ProvisioningScreensRestore(new ProvisioningScreens(first, Fakes.clock(), Fakes.store(Map.of("User_ID_1_", "1001"))), Fakes.engine(failed));
        String shown = new TextRenderer().render(first.lcd());
        assertTrue(shown.contains("Resync failed — retry in 2 min"), shown);

        // the bundle is replaced: new components, the same engine state
        DisplayService second = new DisplayService(Fakes.clock(), Fakes.identity(), (ScreenFile) null);
        new ProvisioningScreensRestore(new ProvisioningScreens(second, Fakes.clock(), Fakes.store(Map.of("User_ID_1_", "1001"))), Fakes.engine(failed));
        assertEquals(shown, new TextRenderer().render(second.lcd()));
    }

    @Test
    void screenRejectsBadProgressAndSelection() {
        assertThrows(IllegalArgumentException.class, () -> Screen.of("x").withProgress(101));
        assertThrows(IllegalArgumentException.class, () -> Screen.menu("x", List.of("a"), 1));
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
