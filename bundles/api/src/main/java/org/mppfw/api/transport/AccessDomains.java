package org.mppfw.api.transport;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code Restricted_Access_Domains}: the servers the phone may provision, upgrade, fetch its
 * custom CA (and later report) from. The one checker of the phone: a caller puts it on its
 * {@link TransportRequest} ({@link TransportRequest.Builder#allowedDomains}) and every transport
 * checks each host it is about to contact with it: the rule's server, a server given by DHCP or
 * found by DNS SRV (the request's host), and each host a redirect leads to.
 *
 * <p>The reading of the admin guide ("enter fully qualified domain names (FQDNs) for each
 * server. Separate FQDNs with commas"; any provisioning, upgrade or report that does not use the
 * specified servers "can't be performed"):
 * <ul>
 * <li>an empty list (the default) allows every server;</li>
 * <li>entries are separated by commas, blanks around them are ignored, names compare without
 * case and without a trailing dot, a leading {@code *.} or {@code .} is ignored;</li>
 * <li>a host name is allowed when it is an entry or a sub-domain of one ({@code voiceip.com}
 * allows {@code voiceip.com} and {@code prov.voiceip.com}, not {@code badvoiceip.com}): the
 * parameter is named after domains, and a sub-domain is in its owner's hands;</li>
 * <li>an address literal ({@code 10.0.0.5}, {@code [fd00::1]}) is in no domain: it is allowed
 * only when the list names that same address, otherwise refused (a server named by an address
 * is not one of "the specified servers").</li>
 * </ul>
 *
 * @since 1.4
 */
public final class AccessDomains {

    /** The parameter the list comes from. */
    public static final String PARAMETER = "Restricted_Access_Domains";

    /** No restriction. */
    public static final AccessDomains ANY = new AccessDomains(List.of());

    private final List<String> entries;

    private AccessDomains(List<String> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The list of a {@code Restricted_Access_Domains} value; null or blank is {@link #ANY}. */
    public static AccessDomains parse(String value) {
        if (value == null || value.isBlank()) {
            return ANY;
        }
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String e = normalize(part);
            if (e.startsWith("*.")) {
                e = e.substring(2);
            }
            while (e.startsWith(".")) {
                e = e.substring(1);
            }
            if (!e.isEmpty() && !out.contains(e)) {
                out.add(e);
            }
        }
        return out.isEmpty() ? ANY : new AccessDomains(out);
    }

    /** The entries, normalized. */
    public List<String> entries() {
        return entries;
    }

    /** Whether the list restricts anything. */
    public boolean restricted() {
        return !entries.isEmpty();
    }

    /** Whether the phone may contact {@code host} (a name, an IPv4 literal, an IPv6 literal with or without brackets). */
    public boolean allows(String host) {
        if (entries.isEmpty()) {
            return true;
        }
        if (host == null) {
            return false;
        }
        String h = normalize(host);
        if (h.isEmpty()) {
            return false;
        }
        boolean literal = isAddressLiteral(h);
        for (String e : entries) {
            if (h.equals(e) || (!literal && h.endsWith("." + e))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The refusal of a URL's host, if it is not allowed: class C (the failure's retry applies,
     * as for a server that cannot be reached), its message naming the host and the parameter.
     */
    public Optional<TransportException> refusal(URI uri) {
        String host = uri == null ? null : uri.getHost();
        if (allows(host)) {
            return Optional.empty();
        }
        String shown = host == null ? "a URL without a server" : "host " + host;
        return Optional.of(new TransportException(ResultClass.C, 0, shown + " is not in " + PARAMETER + " (" + this
                + "): not contacted", null));
    }

    /** Throws {@link #refusal} when there is one. */
    public void check(URI uri) throws TransportException {
        Optional<TransportException> r = refusal(uri);
        if (r.isPresent()) {
            throw r.get();
        }
    }

    /** The entries as written back: {@code voiceip.com, voiceip1.com}; empty for {@link #ANY}. */
    @Override
    public String toString() {
        return String.join(", ", entries);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessDomains d && d.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    private static String normalize(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static boolean isAddressLiteral(String h) {
        return h.indexOf(':') >= 0 || h.matches("[0-9]+(\\.[0-9]+){3}");
    }
}
