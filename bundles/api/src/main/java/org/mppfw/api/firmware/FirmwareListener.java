package org.mppfw.api.firmware;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every change of {@link UpgradeStatus} (phase and progress); registered as a
 * whiteboard service. Called on the upgrade's own thread: return quickly.
 */
@ConsumerType
public interface FirmwareListener {

    void upgradeStatusChanged(UpgradeStatus status);
}
