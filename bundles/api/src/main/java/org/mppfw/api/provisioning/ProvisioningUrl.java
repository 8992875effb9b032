package org.mppfw.api.provisioning;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a rule says to fetch from, after macro expansion and defaults: scheme {@code tftp} when
 * none is written, the DHCP option 66 server when no host is written, the scheme's port when
 * none is written.
 *
 * @param scheme the scheme
 * @param host   the host name or IP address (IPv6 without brackets), or {@code null} for "the
 *               server DHCP option 66 names"
 * @param port   the port, defaulted from the scheme
 * @param path   the absolute file path with its query string, e.g. {@code /profile?Linksys}
 */
public record ProvisioningUrl(Scheme scheme, String host, int port, String path) {

    /** The activation-code pseudo-URL ({@code gds://} as the whole rule). */
    public static final ProvisioningUrl GDS = new ProvisioningUrl(Scheme.GDS, null, 0, "");

    /** The schemes a rule may name. */
    public enum Scheme {
        TFTP(69), HTTP(80), HTTPS(443),
        /** Activation-code onboarding: nothing is fetched from a server named in the rule. */
        GDS(0);

        private final int defaultPort;

        Scheme(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        /** 69 (udp), 80 or 443 (tcp); 0 for {@link #GDS}. */
        public int defaultPort() {
            return defaultPort;
        }

        /** The scheme as written in a URL: {@code tftp}, {@code http}, {@code https}, {@code gds}. */
        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ProvisioningUrl {
        Objects.requireNonNull(scheme);
        Objects.requireNonNull(path);
    }

    /** Whether the host is the one DHCP option 66 names (none was written). */
    public boolean hostFromDhcp() {
        return host == null && scheme != Scheme.GDS;
    }

    /** {@code tftp://<DHCP option 66>:69/SPA.xml}, {@code https://[fd00::1]:443/a}, {@code gds://}. */
    @Override
    public String toString() {
        if (scheme == Scheme.GDS) {
            return "gds://";
        }
        String h = host == null ? "<DHCP option 66>" : host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return scheme.token() + "://" + h + ":" + port + path;
    }
}
