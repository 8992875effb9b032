package org.mppfw.config.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.device.DeviceIdentity;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Shell command {@code sys:info}. */
@Component(service = SysCommands.class, property = {
    "osgi.command.scope=sys",
    "osgi.command.function=info"
})
public final class SysCommands {

    private final BundleContext ctx;
    private final DeviceIdentity identity;

    @Activate
    public SysCommands(BundleContext ctx, @Reference DeviceIdentity identity) {
        this.ctx = ctx;
        this.identity = identity;
    }

    @Descriptor("show the phone's identity, uptime, data dir and bundles")
    public String info() {
        StringBuilder b = new StringBuilder();
        row(b, "Model", identity.model());
        row(b, "Product series", identity.productSeries());
        row(b, "MAC", identity.macWithColons());
        row(b, "Serial number", identity.serialNumber());
        row(b, "Hardware", identity.hardwareVersion());
        row(b, "Firmware", identity.firmwareVersion());
        row(b, "Uptime", uptime(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime())));
        row(b, "Data dir", DataDir.of(ctx).toString());
        b.append("Bundles:").append(System.lineSeparator());
        for (Bundle bundle : ctx.getBundles()) {
            b.append(String.format(Locale.ROOT, "%5d  %-11s  %s %s%n", bundle.getBundleId(), state(bundle.getState()),
                    bundle.getSymbolicName(), bundle.getVersion()));
        }
        return b.toString().stripTrailing();
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "%-15s %s%n", label + ":", value));
    }

    static String uptime(Duration d) {
        long s = d.getSeconds();
        return String.format(Locale.ROOT, "%dd %02d:%02d:%02d", s / 86400, s / 3600 % 24, s / 60 % 60, s % 60);
    }

    static String state(int state) {
        switch (state) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return Integer.toString(state);
        }
    }
}
