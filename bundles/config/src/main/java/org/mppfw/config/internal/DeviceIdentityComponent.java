package org.mppfw.config.internal;

import java.io.IOException;

import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.firmware.FirmwareService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link DeviceIdentity} service, kept in the data dir. The firmware version is the one the
 * firmware service reports when it runs (an upgrade replaces bundles without a restart), else the
 * one the launcher booted.
 */
@Component(service = DeviceIdentity.class, immediate = true)
public final class DeviceIdentityComponent implements DeviceIdentity {

    private final DeviceIdentityImpl identity;
    private volatile FirmwareService firmware;

    @Activate
    public DeviceIdentityComponent(BundleContext ctx) throws IOException {
        identity = new DeviceIdentityImpl(DataDir.of(ctx), ctx::getProperty);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setFirmware(FirmwareService f) {
        firmware = f;
    }

    void unsetFirmware(FirmwareService f) {
        if (firmware == f) {
            firmware = null;
        }
    }

    @Override
    public String model() {
        return identity.model();
    }

    @Override
    public String productSeries() {
        return identity.productSeries();
    }

    @Override
    public String mac() {
        return identity.mac();
    }

    @Override
    public String serialNumber() {
        return identity.serialNumber();
    }

    @Override
    public String hardwareVersion() {
        return identity.hardwareVersion();
    }

    @Override
    public String firmwareVersion() {
        FirmwareService f = firmware;
        if (f != null) {
            try {
                return f.running().toString();
            } catch (RuntimeException e) {
                // the service is going away: the booted version
            }
        }
        return identity.firmwareVersion();
    }

    @Override
    public String toString() {
        return identity.toString();
    }
}
