package org.mppfw.display.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.display.Screen;
import org.mppfw.api.firmware.FirmwareService;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.api.firmware.UpgradeStatus.Phase;

/** The upgrade screens, told by a stand-in for the upgrade service. */
class UpgradeScreensTest {

    @TempDir
    Path data;

    private static UpgradeStatus at(Phase phase, int percent) {
        return new UpgradeStatus(phase, percent, "sip8845.12-0-2MPP0001-5", null, "", 1);
    }

    /** A firmware service whose status the test sets. */
    private static final class Firmware implements FirmwareService {
        UpgradeStatus status = UpgradeStatus.idle();

        @Override
        public FirmwareVersion running() {
            return FirmwareVersion.parse("sip8845.12-0-1MPP0001-1");
        }

        @Override
        public String lastResult() {
            return status.lastResult();
        }

        @Override
        public UpgradeStatus status() {
            return status;
        }

        @Override
        public boolean upgrade(String url) {
            return false;
        }

        @Override
        public Optional<FirmwareVersion> previous() {
            return Optional.empty();
        }

        @Override
        public org.mppfw.api.firmware.FirmwareSets sets() {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.mppfw.api.firmware.RollbackResult rollback() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void upgradingShowsThePercentageAndABarThenGoesHome() throws Exception {
        Phone p = new Phone(data);
        UpgradeScreens screens = new UpgradeScreens(p.display, p.screens);
        p.press("settings", "2");
        screens.upgradeStatusChanged(at(Phase.DOWNLOADING, 45));
        Screen s = p.screen();
        assertEquals(Pages.UPGRADE, s.title());
        assertEquals(List.of("Upgrading 45 %", "Downloading sip8845.12-0-2MPP0001-5"), s.lines());
        assertEquals(45, s.progress());
        assertTrue(p.text().contains("####") && p.text().contains(" 45%"), p.text());

        screens.upgradeStatusChanged(at(Phase.INSTALLING, 90));
        assertEquals("Upgrading 90 %", p.screen().lines().get(0));
        screens.upgradeStatusChanged(at(Phase.CHECKING, -1));
        assertEquals(List.of("Checking the new firmware", "sip8845.12-0-2MPP0001-5"), p.screen().lines());
        assertEquals(-1, p.screen().progress());
        screens.upgradeStatusChanged(new UpgradeStatus(Phase.ROLLING_BACK, -1, "x", null, "health check failed", 1));
        assertEquals(List.of("Upgrade failed — going back", "health check failed"), p.screen().lines());
        screens.upgradeStatusChanged(at(Phase.WAITING_FOR_IDLE, -1));
        assertEquals("Upgrade waits for the line to be idle", p.screen().lines().get(0));

        screens.upgradeStatusChanged(UpgradeStatus.idle());
        assertTrue(ProvisioningScreens.passive(p.screen()), "idle screen after the upgrade: " + p.screen());
    }

    @Test
    void aDisplayStartedDuringAnUpgradeShowsItAndTheMenuPageShowsTheStatus() throws Exception {
        Phone p = new Phone(data);
        Firmware f = new Firmware();
        f.status = at(Phase.VERIFYING, 100);
        // the firmware service tells a listener that joins during an upgrade where it is
        new UpgradeScreens(p.display, p.screens).upgradeStatusChanged(f.status);
        assertEquals("Upgrading 100 %", p.screen().lines().get(0));

        Phone q = new Phone(data.resolve("q"));
        f.status = new UpgradeStatus(Phase.IDLE, -1, "", null, "upgraded to 12-0-1MPP0001-1", 1);
        q.menus.setFirmware(f);
        q.press("settings", "1", "1", "2");
        assertEquals(Pages.UPGRADE, q.screen().title());
        assertEquals(List.of("Running sip8845.12-0-1MPP0001-1", "Last upgrade: upgraded to 12-0-1MPP0001-1"),
                q.screen().lines());
        q.press("back");
        assertEquals(Pages.PHONE_STATUS, q.screen().title());
        q.menus.unsetFirmware(f);
        q.press("2");
        assertEquals("The firmware service is not running", q.screen().lines().get(0));
    }
}
