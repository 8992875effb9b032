package org.mppfw.config.internal;

import java.io.IOException;

import org.mppfw.api.device.DeviceIdentity;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** The {@link DeviceIdentity} service, kept in the data dir. */
@Component(service = DeviceIdentity.class, immediate = true)
public final class DeviceIdentityComponent implements DeviceIdentity {

    private final DeviceIdentityImpl identity;

    @Activate
    public DeviceIdentityComponent(BundleContext ctx) throws IOException {
        identity = new DeviceIdentityImpl(DataDir.of(ctx), ctx::getProperty);
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
        return identity.firmwareVersion();
    }

    @Override
    public String toString() {
        return identity.toString();
    }
}
