package org.mppfw.report.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;

/**
 * The body of {@code Report_Rule --status}: a {@code <flat-profile>} of the fields of the phone's
 * Info &gt; Status page, each named as its label with spaces as underscores (the way {@code cfg.xml}
 * names parameters: "Software Version" is {@code <Software_Version>}), then our own additions in a
 * group of their own, so that a server can tell what the phone applied and rejected.
 */
final class StatusReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);

    /** Everything the page shows, read at one moment. Any part but identity and now may be null. */
    record Inputs(DeviceIdentity identity, OffsetDateTime now, String ipAddress, ProvisioningStatus provisioning,
            UpgradeStatus upgrade, String configHash, String bootReason) {
    }

    private StatusReport() {
    }

    static byte[] write(Inputs in) {
        DeviceIdentity id = in.identity();
        FlatXml x = new FlatXml().group("Info/Status/Product Information")
                .element("Product Name", id.model())
                .element("Serial Number", id.serialNumber())
                .element("MAC Address", id.macUpper())
                .element("Software Version", id.firmwareVersion())
                .element("Hardware Version", id.hardwareVersion())
                .group("Info/Status/System Status")
                .element("Current Time", TIME.format(in.now()))
                .element("IP Address", in.ipAddress());
        ResyncRecord last = in.provisioning() == null ? null : in.provisioning().last();
        x.group("Info/Download Status/Provisioning Status")
                .element("Provisioning Status", provisioningLine(last, in))
                .element("Firmware Upgrade Status", in.upgrade() == null ? "" : upgradeLine(in.upgrade(), in));
        x.group("mppfw/Applied Configuration")
                .element("Applied Config Hash", in.configHash())
                .element("Provisioning State", in.provisioning() == null ? "" : in.provisioning().state().name())
                .element("Last Resync", last == null ? "" : local(last.ended(), in))
                .element("Last Resync Reason", last == null ? "" : last.reason())
                .element("Last Resync Result", last == null ? "" : last.result().name())
                .element("Last Resync Message", last == null ? "" : last.message())
                .element("Last Resync URL", last == null ? "" : last.url())
                .element("Applied Parameters", last == null ? "" : String.join(",", last.changed()))
                .element("Rejected Parameters", last == null ? "" : String.join("; ", last.rejected()))
                .element("Boot Reason", in.bootReason());
        return x.bytes();
    }

    private static String provisioningLine(ResyncRecord last, Inputs in) {
        if (last == null) {
            return "";
        }
        return (last.success() ? "Last provisioning succeeded at " : "Last provisioning failed at ")
                + local(last.ended(), in) + (last.success() ? "" : ": " + last.message());
    }

    private static String upgradeLine(UpgradeStatus u, Inputs in) {
        if (u.lastAttempt() == null) {
            return u.busy() ? u.phase().name() : "";
        }
        return "Last upgrade attempt at " + local(u.lastAttempt(), in)
                + (u.lastResult().isEmpty() ? "" : ": " + u.lastResult());
    }

    private static String local(Instant t, Inputs in) {
        return TIME.format(t.atOffset(in.now().getOffset()));
    }
}
