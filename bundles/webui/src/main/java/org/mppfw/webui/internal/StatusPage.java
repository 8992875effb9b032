package org.mppfw.webui.internal;

import static org.mppfw.webui.internal.Html.esc;

import java.io.IOException;
import java.util.List;

import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.firmware.FirmwareService;
import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.api.line.LineState;
import org.mppfw.api.power.BootRecord;
import org.mppfw.api.power.Power;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.report.ProblemReport;
import org.mppfw.api.report.ReportOutcome;
import org.mppfw.api.report.Reports;

/**
 * Info &gt; Status: product information with the customization state, the network status, each line's registration, provisioning status with the last resync's steps, the
 * firmware and its last upgrade, the boot history; for the admin, the buttons Resync, Report and
 * Problem Report. A service that is not running shows as not available.
 */
final class StatusPage {

    /** The services the page reads; any may be null (not running). */
    record Services(DeviceIdentity identity, Provisioning provisioning, FirmwareService firmware, Power power,
            Reports reports, PhoneTime time, NetworkStatus.Sources network, LineState lines) {

        /** The services, without the network's and the lines'. */
        Services(DeviceIdentity identity, Provisioning provisioning, FirmwareService firmware, Power power,
                Reports reports, PhoneTime time) {
            this(identity, provisioning, firmware, power, reports, time, NetworkStatus.Sources.NONE, null);
        }

        /** The services, times shown in UTC. */
        Services(DeviceIdentity identity, Provisioning provisioning, FirmwareService firmware, Power power,
                Reports reports) {
            this(identity, provisioning, firmware, power, reports, PhoneTime.UTC);
        }
    }

    static final int BOOTS_SHOWN = 10;

    private StatusPage() {
    }

    /** Runs a button's action; returns the notice to show. */
    static ConfigPage.Result act(String action, Services s) {
        switch (action == null ? "" : action) {
            case "resync":
                if (s.provisioning() == null) {
                    return new ConfigPage.Result("Provisioning is not running.", true);
                }
                return s.provisioning().resync() ? new ConfigPage.Result("Resync started.", false)
                        : new ConfigPage.Result("Provision_Enable is No: no resync.", true);
            case "report":
                if (s.reports() == null) {
                    return new ConfigPage.Result("Reports are not available.", true);
                }
                List<ReportOutcome> outs = s.reports().report(null);
                if (outs.isEmpty()) {
                    return new ConfigPage.Result("Report_Rule has nothing to send.", false);
                }
                StringBuilder b = new StringBuilder("Report: ");
                outs.forEach(o -> b.append(o).append("; "));
                return new ConfigPage.Result(b.toString(), outs.stream().anyMatch(o -> !o.sent()));
            case "prt":
                if (s.reports() == null) {
                    return new ConfigPage.Result("Problem reports are not available.", true);
                }
                try {
                    ProblemReport p = s.reports().problemReport("web page");
                    return new ConfigPage.Result("Problem report " + p.archive().getFileName()
                            + p.uploaded().map(o -> ", " + o).orElse(", kept on the phone (PRT_Upload_Rule is empty)"), false);
                } catch (IOException e) {
                    return new ConfigPage.Result("The problem report could not be written.", true);
                }
            default:
                return new ConfigPage.Result("Unknown action.", true);
        }
    }

    static String body(Services s, Role role, Sessions.Session session) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<h3>Product Information</h3><table id=\"product\">");
        DeviceIdentity id = s.identity();
        if (id != null) {
            row(b, "Product Name", id.model());
            row(b, "MAC Address", id.macUpper());
            row(b, "Serial Number", id.serialNumber());
            row(b, "Hardware Version", id.hardwareVersion());
            row(b, "Software Version", id.firmwareVersion());
        }
        row(b, "Customization", NetworkStatus.customization(s.network().customization()));
        b.append("</table>");
        NetworkStatus.append(b, s.network());
        LineStatus.append(b, s.lines(), s.time());
        provisioning(b, s.provisioning(), s.time());
        firmware(b, s.firmware(), s.time());
        boots(b, s.power(), s.time());
        if (role == Role.ADMIN) {
            b.append("<h3>Actions</h3>");
            button(b, session, "resync", "Resync");
            button(b, session, "report", "Report (Report_Rule)");
            button(b, session, "prt", "Problem Report");
        }
        return b.toString();
    }

    private static void provisioning(StringBuilder b, Provisioning p, PhoneTime time) {
        b.append("<h3>Provisioning Status</h3><table id=\"provisioning\">");
        if (p == null) {
            row(b, "State", "not available");
            b.append("</table>");
            return;
        }
        ProvisioningStatus st = p.status();
        row(b, "State", st.state().name());
        row(b, "Next Resync", time.format(st.next()) + " " + st.nextReason());
        row(b, "Failures In A Row", Integer.toString(st.failuresInARow()));
        ResyncRecord r = st.lastAttempt().orElse(null);
        if (r != null) {
            row(b, "Last Resync", time.format(r.started()) + " to " + time.format(r.ended()) + " (" + r.reason() + ")");
            row(b, "Last Rule", r.rule());
            row(b, "Last URL", r.url());
            row(b, "Last Result", r.result() + (r.success() ? " (success)" : " (failure)") + ": " + r.message());
            row(b, "Decoding", r.decoding());
            row(b, "Changed", r.changed().size() + " parameters");
            row(b, "Rejected", String.join("; ", r.rejected()));
        } else {
            row(b, "Last Resync", "none since power-up");
        }
        b.append("</table>");
        if (r != null && !r.steps().isEmpty()) {
            b.append("<ol id=\"steps\">");
            r.steps().forEach(step -> b.append("<li>").append(esc(step)).append("</li>"));
            b.append("</ol>");
        }
    }

    private static void firmware(StringBuilder b, FirmwareService f, PhoneTime time) {
        b.append("<h3>Firmware</h3><table id=\"firmware\">");
        if (f == null) {
            row(b, "Running", "not available");
        } else {
            row(b, "Running", String.valueOf(f.running()));
            row(b, "Previous", f.previous().map(Object::toString).orElse("none"));
            UpgradeStatus u = f.status();
            row(b, "Upgrade", u.phase() + (u.target().isEmpty() ? "" : " " + u.target()));
            row(b, "Last Upgrade", u.lastAttemptTime().map(time::format).orElse("never") + " " + f.lastResult());
        }
        b.append("</table>");
    }

    private static void boots(StringBuilder b, Power p, PhoneTime time) {
        b.append("<h3>Boot History</h3><table id=\"boots\"><tr><th>#</th><th>Time</th><th>Reason</th><th>Detail</th>"
                + "<th>Set</th><th>Release</th><th>End</th></tr>");
        if (p != null) {
            List<BootRecord> boots = p.boots();
            for (BootRecord r : boots.subList(Math.max(0, boots.size() - BOOTS_SHOWN), boots.size())) {
                b.append("<tr>");
                for (Object v : new Object[] {r.number(), time.format(r.time()), r.reason(), r.detail(), r.set(), r.release(), r.end()}) {
                    b.append("<td>").append(esc(String.valueOf(v))).append("</td>");
                }
                b.append("</tr>");
            }
        }
        b.append("</table>");
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static void button(StringBuilder b, Sessions.Session session, String action, String label) {
        b.append("<form method=\"post\" action=\"/status\" style=\"display:inline\">").append(Page.csrfField(session))
                .append("<input type=\"hidden\" name=\"action\" value=\"").append(action).append("\">")
                .append("<button id=\"").append(action).append("\" type=\"submit\">").append(esc(label))
                .append("</button></form> ");
    }
}
