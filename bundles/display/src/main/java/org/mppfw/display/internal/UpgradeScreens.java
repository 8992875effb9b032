package org.mppfw.display.internal;

import java.util.ArrayList;
import java.util.List;

import org.mppfw.api.display.Screen;
import org.mppfw.api.firmware.FirmwareListener;
import org.mppfw.api.firmware.FirmwareService;
import org.mppfw.api.firmware.UpgradeStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Shows a firmware upgrade on the LCD: "Upgrading 45 %" with a progress bar while the image
 * downloads, verifies and installs, then the check of the new set, a rollback, or the wait for
 * idle lines. An upgrade takes the screen from any page; when it ends the phone goes back to
 * its idle screen. When the display starts during an upgrade it shows it at once.
 */
@Component(service = { FirmwareListener.class, UpgradeScreens.class }, immediate = true)
public final class UpgradeScreens implements FirmwareListener {

    private final DisplayService display;
    private final ProvisioningScreens home;

    @Activate
    public UpgradeScreens(@Reference DisplayService display, @Reference ProvisioningScreens home,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            FirmwareService firmware) {
        this.display = display;
        this.home = home;
        if (firmware != null) {
            UpgradeStatus s = firmware.status();
            if (s.busy()) {
                display.show(screenFor(s, ""));
            }
        }
    }

    @Override
    public void upgradeStatusChanged(UpgradeStatus status) {
        if (status.busy()) {
            display.show(screenFor(status, ""));
        } else if (display.current().title().equals(Pages.UPGRADE) && display.current().softKeys().isEmpty()) {
            home.home(); // the upgrade screen, not the page of the menus: the upgrade is over
        }
    }

    /** The upgrade screen for a status; {@code running} is the version shown when idle. */
    static Screen screenFor(UpgradeStatus s, String running) {
        List<String> lines = new ArrayList<>();
        int progress = -1;
        String target = s.target().isEmpty() ? "" : s.target();
        switch (s.phase()) {
            case IDLE -> {
                if (!running.isEmpty()) {
                    lines.add("Running " + running);
                }
                lines.add(s.lastResult().isEmpty() ? "No upgrade attempted" : "Last upgrade: " + s.lastResult());
            }
            case WAITING_FOR_IDLE -> {
                lines.add("Upgrade waits for the line to be idle");
                lines.add(target);
            }
            case DOWNLOADING, VERIFYING, INSTALLING -> {
                progress = Math.max(0, s.percent());
                lines.add(s.percent() >= 0 ? "Upgrading " + s.percent() + " %" : "Upgrading");
                lines.add(switch (s.phase()) {
                    case DOWNLOADING -> "Downloading " + target;
                    case VERIFYING -> "Verifying the image";
                    default -> "Installing — do not unplug the phone";
                });
            }
            case CHECKING -> {
                lines.add("Checking the new firmware");
                lines.add(target);
            }
            case ROLLING_BACK -> {
                lines.add("Upgrade failed — going back");
                lines.add(s.lastResult());
            }
        }
        lines.removeIf(String::isBlank);
        return new Screen(Pages.UPGRADE, lines, -1, List.of(), progress);
    }
}
