package org.mppfw.provisioning.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The macros of the URL an event is about: {@code $SCHEME $METH $SERV $SERVIP $PORT $PATH}. */
final class UrlMacros {

    static final List<String> NAMES = List.of("SCHEME", "METH", "SERV", "SERVIP", "PORT", "PATH");

    private UrlMacros() {
    }

    /** Puts the macros of a URL that has a scheme and a host into {@code values}. */
    static void put(URI uri, Map<String, String> values) {
        values.put("SCHEME", uri.getScheme());
        values.put("METH", uri.getScheme());
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        values.put("SERV", host);
        values.put("SERVIP", serverIp(host));
        values.put("PORT", Integer.toString(uri.getPort()));
        values.put("PATH", uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** The macros of a URL given as text; all empty when it does not parse or names no server. */
    static Map<String, String> of(String url) {
        Map<String, String> m = new HashMap<>();
        for (String k : NAMES) {
            m.put(k, "");
        }
        try {
            URI u = URI.create(url);
            if (u.getScheme() != null && u.getHost() != null) {
                put(u, m);
            }
        } catch (IllegalArgumentException e) {
            // a URL that does not parse: its parts stay empty
        }
        return m;
    }

    private static String serverIp(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (IOException | SecurityException e) {
            return host;
        }
    }
}
