package org.mppfw.webui.internal;

import static org.mppfw.webui.internal.Html.esc;

import java.util.List;
import java.util.stream.Collectors;

import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.discovery.RemoteCustomization;

/**
 * Info &gt; Status's network part and the customization state, as a phone shows them: the
 * address the phone uses ({@code $IP}), the lease in one line, the domain, the NTP servers and the
 * provisioning sources of the last DHCP lease; the remote customization state (Product Information &gt; Customization on a
 * phone) with why it is so. A service that is not running shows as not available.
 */
final class NetworkStatus {

    /** The services the section reads; any may be null (not running). */
    record Sources(Discovery discovery, RemoteCustomization customization) {
        static final Sources NONE = new Sources(null, null);
    }

    private NetworkStatus() {
    }

    /** The Customization row of Product Information. */
    static String customization(RemoteCustomization c) {
        if (c == null) {
            return "not available";
        }
        String why = c.reason();
        return c.state().label() + (why == null || why.isBlank() ? "" : " (" + why + ")");
    }

    /** The Network Status table. */
    static void append(StringBuilder b, Sources s) {
        b.append("<h3>Network Status</h3><table id=\"network\">");
        Discovery d = s.discovery();
        if (d == null) {
            row(b, "IP Address", "not available");
            row(b, "DHCP", "not available");
        } else {
            row(b, "IP Address", d.address().map(a -> a.getHostAddress()).orElse("none"));
            row(b, "DHCP", d.status());
            row(b, "Domain", d.domain().orElse("none"));
            row(b, "NTP Servers", join(d.ntpServers()));
            row(b, "Provisioning Sources (DHCP)", join(d.sources().stream().map(Object::toString).toList()));
        }
        b.append("</table>");
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? "none" : values.stream().collect(Collectors.joining(", "));
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }
}
