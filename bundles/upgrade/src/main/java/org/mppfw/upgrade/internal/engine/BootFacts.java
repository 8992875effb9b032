package org.mppfw.upgrade.internal.engine;

import java.nio.file.Path;
import java.time.Duration;

import org.mppfw.api.firmware.FirmwareVersion;

/**
 * What the launcher says about this boot (framework properties).
 *
 * @param image          the image dir, or null when the launcher gave none
 * @param dataDir        the data dir
 * @param bootedVersion  the firmware version the launcher booted
 * @param bootedSet      the set the launcher booted ({@code factory}, {@code a}, {@code b})
 * @param trial          whether that set is on trial
 * @param targetLevel    the start level the launcher raises the framework to (0: unknown)
 * @param healthTimeout  how long a health check waits
 * @param commandRun     a command run ({@code mppfw -c}): not a power-on, nothing starts by itself
 */
public record BootFacts(Path image, Path dataDir, FirmwareVersion bootedVersion, String bootedSet, boolean trial,
        int targetLevel, Duration healthTimeout, boolean commandRun) {
}
