package org.mppfw.provisioning.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.discovery.DiscoveryException;
import org.mppfw.api.discovery.ProvisioningSource;
import org.mppfw.api.discovery.SrvTarget;
import org.mppfw.api.provisioning.ProvisioningUrl;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.provisioning.internal.fetch.Attempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers a rule's URL is tried on, in order:
 * <ul>
 * <li>a rule that names its server: that server;</li>
 * <li>a rule without a server ({@code /$PSN.xml}): the sources DHCP gave, in the order of
 * {@code DHCP_Option_To_Use} (66, 160, 159, 150 by default). A bare server keeps the rule's
 * scheme, port and path; a whole URL (160, or 159/66 holding one) is taken as it is, after macro
 * expansion. When DHCP gave none, the {@code _ciscoprov} SRV targets of the DHCP domain, with the
 * rule's path, as the reference orders discovery: DHCP, then DNS SRV. With discovery off there
 * is none, and the failure says how to give one ({@link NoServer#nowhereToLook});</li>
 * <li>{@code [--srv] https://example.com/path}: the SRV targets of {@code example.com} for the
 * rule's scheme, in SRV order.</li>
 * </ul>
 * An https server found by DNS SRV must present a certificate naming the domain looked up, not
 * the SRV target (the reference: the DHCP domain).
 *
 * <p>The first server that yields a response wins, even a 401 (the reference's reading of the
 * option order); only a server that does not answer moves on to the next.
 */
final class ServerChoice {

    private static final Logger LOG = LoggerFactory.getLogger(ServerChoice.class);

    /** No server to try; the message says why. */
    static final class NoServer extends Exception {

        private static final long serialVersionUID = 1L;

        /** Whether the phone looked for none: the rule needs a server, or discovery needs turning on. */
        final boolean nowhereToLook;

        NoServer(String message) {
            this(message, false);
        }

        NoServer(String message, boolean nowhereToLook) {
            super(message, null, false, false);
            this.nowhereToLook = nowhereToLook;
        }
    }

    /**
     * @param uris     the URLs to try, in order
     * @param via      where they came from ({@code DHCP option 66}, {@code DNS SRV of example.com}), or
     *                 null for the rule itself
     * @param tlsName  for servers found by DNS SRV, the domain looked up: the name their TLS
     *                 certificates must hold (the reference: the DHCP domain, not the target); else null
     */
    record Candidates(List<URI> uris, String via, String tlsName) {

        Candidates(List<URI> uris, String via) {
            this(uris, via, null);
        }
    }

    private ServerChoice() {
    }

    /** True when the attempt got no answer at all (no status, no bytes): the next server may answer. */
    static boolean noResponse(Attempt a) {
        return !a.success() && !a.fileNotFound() && a.status() == 0 && a.bytes() == 0;
    }

    static Candidates candidates(ProvisioningUrl url, boolean srv, Discovery discovery, UnaryOperator<String> expand)
            throws NoServer {
        if (srv) {
            return srv(url, discovery);
        }
        if (!url.hostFromDhcp()) {
            return new Candidates(List.of(uri(url.scheme().token(), url.host(), url.port(), url.path())), null);
        }
        if (discovery == null) {
            throw new NoServer("no server in the rule, and no discovery service for DHCP options or DNS SRV", true);
        }
        if (!discovery.enabled()) {
            throw new NoServer("no server, and discovery is off", true);
        }
        List<URI> uris = new ArrayList<>();
        List<String> from = new ArrayList<>();
        for (ProvisioningSource s : discovery.sources()) {
            try {
                uris.add(fromSource(url, s, expand));
                from.add("option " + s.option());
            } catch (NoServer e) {
                LOG.warn("DHCP {}: {}", s, e.getMessage());
            }
        }
        if (!uris.isEmpty()) {
            return new Candidates(List.copyOf(uris), "DHCP " + String.join(", ", from));
        }
        Optional<String> domain = discovery.domain();
        if (domain.isEmpty()) {
            throw new NoServer("no server in the rule, none from DHCP options, and no DHCP domain name for DNS SRV");
        }
        List<SrvTarget> targets;
        try {
            targets = discovery.lookupSrv(domain.get());
        } catch (DiscoveryException e) {
            throw new NoServer("no server in the rule, none from DHCP options, and " + e.getMessage());
        }
        if (targets.isEmpty()) {
            throw new NoServer("no server in the rule, none from DHCP options, and no _ciscoprov SRV records in "
                    + domain.get());
        }
        for (SrvTarget t : targets) {
            uris.add(uri(t.scheme(), t.host(), t.port(), url.path()));
        }
        return new Candidates(List.copyOf(uris), "DNS SRV of " + domain.get(), domain.get());
    }

    private static Candidates srv(ProvisioningUrl url, Discovery discovery) throws NoServer {
        if (discovery == null) {
            throw new NoServer("--srv needs the discovery service for DNS SRV look-ups");
        }
        List<SrvTarget> targets;
        try {
            targets = discovery.lookupSrv(url.host());
        } catch (DiscoveryException e) {
            throw new NoServer("--srv: " + e.getMessage());
        }
        List<URI> uris = new ArrayList<>();
        for (SrvTarget t : targets) {
            if (t.scheme().equals(url.scheme().token())) {
                uris.add(uri(t.scheme(), t.host(), t.port(), url.path()));
            }
        }
        if (uris.isEmpty()) {
            String name = url.scheme() == ProvisioningUrl.Scheme.HTTPS ? "_ciscoprov-https._tls." : "_ciscoprov-http._tcp.";
            throw new NoServer("--srv: no " + name + url.host() + " SRV records");
        }
        return new Candidates(List.copyOf(uris), "DNS SRV of " + url.host(), url.host());
    }

    private static URI fromSource(ProvisioningUrl rule, ProvisioningSource s, UnaryOperator<String> expand) throws NoServer {
        if (s.isUrl()) {
            ProvisioningUrl u;
            try {
                u = UrlResolver.resolve(expand.apply(s.value()), RuleKind.PROFILE);
            } catch (UrlResolver.UrlException e) {
                throw new NoServer("not a provisioning URL: expected " + e.expected);
            }
            if (u.host() == null || u.scheme() == ProvisioningUrl.Scheme.GDS) {
                throw new NoServer("a URL without a server");
            }
            return uri(u.scheme().token(), u.host(), u.port(), u.path());
        }
        String host = s.value();
        int port = rule.port();
        int colon = host.lastIndexOf(':');
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end + 1 < host.length() && host.charAt(end + 1) == ':') {
                port = port(host.substring(end + 2));
            }
            host = host.substring(1, end);
        } else if (colon > 0 && host.indexOf(':') == colon) {
            port = port(host.substring(colon + 1));
            host = host.substring(0, colon);
        }
        return uri(rule.scheme().token(), host, port, rule.path());
    }

    private static int port(String p) throws NoServer {
        try {
            int n = Integer.parseInt(p);
            if (n > 0 && n < 65536) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new NoServer("port '" + p + "' is not 1-65535");
    }

    private static URI uri(String scheme, String host, int port, String path) throws NoServer {
        try {
            String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
            return new URI(scheme + "://" + h + ":" + port + path);
        } catch (URISyntaxException e) {
            throw new NoServer("bad URL: " + e.getMessage());
        }
    }
}
