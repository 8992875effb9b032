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
                .element("Product_Name", id.model())
                .element("Serial_Number", id.serialNumber())
                .element("MAC_Address", id.macUpper())
                .element("Software_Version", id.firmwareVersion())
                .element("Hardware_Version", id.hardwareVersion())
                .group("Info/Status/System Status")
                .element("Current_Time", TIME.format(in.now()))
                .element("IP_Address", in.ipAddress());
        ResyncRecord last = in.provisioning() == null ? null : in.provisioning().last();
        x.group("Info/Download Status/Provisioning Status")
                .element("Provisioning_Status", provisioningLine(last, in))
                .element("Firmware_Upgrade_Status", in.upgrade() == null ? "" : upgradeLine(in.upgrade(), in));
        x.group("mppfw/Applied Configuration")
                .element("Applied_Config_Hash", in.configHash())
                .element("Provisioning_State", in.provisioning() == null ? "" : in.provisioning().state().name())
                .element("Last_Resync", last == null ? "" : local(last.ended(), in))
                .element("Last_Resync_Reason", last == null ? "" : last.reason())
                .element("Last_Resync_Result", last == null ? "" : last.result().name())
                .element("Last_Resync_Message", last == null ? "" : last.message())
                .element("Last_Resync_URL", last == null ? "" : last.url())
                .element("Applied_Parameters", last == null ? "" : String.join(",", last.changed()))
                .element("Rejected_Parameters", last == null ? "" : String.join("; ", last.rejected()))
                .element("Boot_Reason", in.bootReason());
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
