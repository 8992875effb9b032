package org.mppfw.api.provisioning;

import org.osgi.annotation.versioning.ConsumerType;

/** Whiteboard service told whenever the engine's status changes (the LCD, the web pages). */
@ConsumerType
public interface ProvisioningListener {

    /** Called on the engine's thread; must return quickly. */
    void statusChanged(ProvisioningStatus status);
}
