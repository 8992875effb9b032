package org.mppfw.upgrade.internal.image;

import java.util.Optional;

import org.mppfw.api.firmware.FirmwareVersion;

/**
 * What an image must satisfy besides its signature and hashes on a given phone.
 *
 * @param model          the phone's model; empty accepts any model (the build's own check)
 * @param running        the running version, checked against the image's minimum version
 * @param downgradeLimit {@code Downgrade_Rev_Limit}: the image's version may not be below it
 */
public record VerifyPolicy(Optional<String> model, Optional<FirmwareVersion> running,
        Optional<FirmwareVersion> downgradeLimit) {

    /** No model or version rule: only signature, format and hashes. */
    public static VerifyPolicy any() {
        return new VerifyPolicy(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The policy of a phone; a blank {@code downgradeLimit} is no limit.
     *
     * @throws IllegalArgumentException if the limit is set but not a version in Cisco's format
     */
    public static VerifyPolicy of(String model, String running, String downgradeLimit) {
        return new VerifyPolicy(blank(model) ? Optional.empty() : Optional.of(model.trim()),
                blank(running) ? Optional.empty() : Optional.of(FirmwareVersion.parse(running)),
                blank(downgradeLimit) ? Optional.empty() : Optional.of(FirmwareVersion.parse(downgradeLimit)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
