package org.mppfw.display.internal;

import org.mppfw.api.provisioning.Provisioning;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * When the display starts (at boot, or after the display bundle was replaced), shows the
 * engine's current state, so the LCD shows the same screen as before rather than waiting for
 * the engine's next change.
 */
@Component(immediate = true, service = {})
public final class ProvisioningScreensRestore {

    @Activate
    public ProvisioningScreensRestore(@Reference ProvisioningScreens screens, @Reference Provisioning engine) {
        screens.restore(engine.status());
    }
}
