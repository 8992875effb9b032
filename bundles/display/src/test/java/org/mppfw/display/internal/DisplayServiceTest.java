package org.mppfw.display.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Indicators.Registration;
import org.mppfw.api.display.Screen;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ProvisioningStatus.State;
import org.mppfw.api.transport.ResultClass;

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
