package org.mppfw.webui.internal;

import static org.mppfw.webui.internal.Html.esc;

import java.util.List;

import org.mppfw.api.line.LineRegistration;
import org.mppfw.api.line.LineState;

/**
 * Info &gt; Status's line part, as a phone's Ext n Status: each extension's registration state,
 * since when, and the registrar's last answer; whether a call is up. Without the line service
 * (no SIP bundle running) it says so.
 */
final class LineStatus {

    private LineStatus() {
    }

    static void append(StringBuilder b, LineState lines, PhoneTime time) {
        b.append("<h3>Line Status</h3>");
        if (lines == null) {
            b.append("<table id=\"lines\"><tr><th>Lines</th><td>not available</td></tr></table>");
            return;
        }
        b.append("<p id=\"calls\">").append(lines.allIdle() ? "All lines idle." : "A call is up.").append("</p>");
        List<LineRegistration> regs = lines.registrations();
        b.append("<table id=\"lines\"><tr><th>Extension</th><th>Registration State</th><th>Since</th>"
                + "<th>Detail</th></tr>");
        for (LineRegistration r : regs) {
            b.append("<tr><td>Ext ").append(r.extension()).append("</td><td>")
                    .append(esc(label(r.status()))).append("</td><td>").append(esc(time.format(r.since())))
                    .append("</td><td>").append(esc(r.detail())).append("</td></tr>");
        }
        b.append("</table>");
    }

    /** As a phone prints it: Registered, Registering, Failed, Disabled. */
    static String label(LineRegistration.Status s) {
        String n = s.name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
