package org.mppfw.provisioning.internal;

import java.util.Locale;

import org.mppfw.api.provisioning.ProvisioningUrl;
import org.mppfw.api.provisioning.ProvisioningUrl.Scheme;
import org.mppfw.api.provisioning.RuleKind;

/**
 * Resolves {@code [ scheme:// ] [ server [ :port ] ] filepath} with its defaults: scheme
 * {@code tftp}; a URL starting with {@code /} (or {@code scheme:///...}) uses the server of
 * DHCP option 66, which {@code Upgrade_Rule} does not allow; a URL without {@code ://} that does
 * not start with {@code /} is {@code host[:port]/path}; port 69, 80 or 443 by scheme; the path
 * must start with {@code /} and keeps its query string.
 */
final class UrlResolver {

    /** A URL that does not resolve; {@code offset} is 0-based within the URL text. */
    static final class UrlException extends Exception {

        private static final long serialVersionUID = 1L;

        final int offset;
        final String expected;

        UrlException(int offset, String expected) {
            super("expected " + expected, null, false, false);
            this.offset = offset;
            this.expected = expected;
        }
    }

    private UrlResolver() {
    }

    static ProvisioningUrl resolve(String url, RuleKind kind) throws UrlException {
        if (url.isEmpty()) {
            throw new UrlException(0, "a URL");
        }
        for (int k = 0; k < url.length(); k++) {
            if (Character.isWhitespace(url.charAt(k)) || Character.isISOControl(url.charAt(k))) {
                throw new UrlException(k, "a URL without spaces or control characters");
            }
        }
        Scheme scheme = Scheme.TFTP;
        int at = 0;
        int sep = url.indexOf("://");
        if (sep >= 0) {
            scheme = scheme(url.substring(0, sep));
            at = sep + 3;
        }
        String host = null;
        int port = scheme.defaultPort();
        if (at < url.length() && url.charAt(at) != '/') {
            int slash = url.indexOf('/', at);
            if (slash < 0) {
                throw new UrlException(url.length(), "an absolute file path starting with '/'");
            }
            int portAt;
            if (url.charAt(at) == '[') {
                int end = url.indexOf(']', at);
                if (end < 0 || end > slash) {
                    throw new UrlException(at, "an IPv6 address in brackets: [fd00::1]");
                }
                host = url.substring(at + 1, end);
                checkHost(host, at + 1, true);
                portAt = end + 1;
                if (portAt < slash && url.charAt(portAt) != ':') {
                    throw new UrlException(portAt, "':' and a port, or '/'");
                }
            } else {
                int colon = url.indexOf(':', at);
                portAt = colon >= 0 && colon < slash ? colon : slash;
                host = url.substring(at, portAt);
                checkHost(host, at, false);
            }
            if (portAt < slash) {
                port = port(url.substring(portAt + 1, slash), portAt + 1);
            }
            at = slash;
        }
        if (at >= url.length()) {
            throw new UrlException(url.length(), "an absolute file path starting with '/'");
        }
        if (host == null && kind == RuleKind.UPGRADE) {
            throw new UrlException(0, "a server: Upgrade_Rule needs [scheme://]server[:port]/path");
        }
        return new ProvisioningUrl(scheme, host, port, url.substring(at));
    }

    private static Scheme scheme(String s) throws UrlException {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "tftp":
                return Scheme.TFTP;
            case "http":
                return Scheme.HTTP;
            case "https":
                return Scheme.HTTPS;
            default:
                throw new UrlException(0, "the scheme tftp://, http:// or https://");
        }
    }

    private static void checkHost(String host, int offset, boolean ipv6) throws UrlException {
        if (host.isEmpty()) {
            throw new UrlException(offset, "a host name or IP address");
        }
        for (int k = 0; k < host.length(); k++) {
            char c = host.charAt(k);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                    || c == '-' || c == '_' || ipv6 && (c == ':' || c == '%');
            if (!ok) {
                throw new UrlException(offset + k, "a host name or IP address");
            }
        }
    }

    private static int port(String digits, int offset) throws UrlException {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new UrlException(offset, "a port number 1-65535");
        }
        int p = Integer.parseInt(digits);
        if (p < 1 || p > 65535) {
            throw new UrlException(offset, "a port number 1-65535");
        }
        return p;
    }
}
