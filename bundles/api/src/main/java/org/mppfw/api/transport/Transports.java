package org.mppfw.api.transport;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The phone's transports by URL scheme: the one table that every user of {@link Transport}
 * services keeps (the resync engine, the upgrade, the activation client, reports). A component
 * feeds it from its dynamic {@code Transport} reference ({@link #add}, {@link #remove}) and looks
 * a URL's transport up with {@link #find} or {@link #forUri}. Schemes are case-insensitive, as
 * URL schemes are (RFC 3986 §3.1); the {@link Transport#SCHEMES} property may be a String (one
 * scheme, or several separated by commas), a String[] or a collection.
 *
 * @since 1.3
 */
public final class Transports {

    private final Map<String, Transport> byScheme = new ConcurrentHashMap<>();

    /** Adds a transport under the schemes its service properties name. */
    public void add(Transport transport, Map<String, ?> properties) {
        for (String scheme : schemes(properties.get(Transport.SCHEMES))) {
            byScheme.put(scheme, transport);
        }
    }

    /** Removes a transport from every scheme it serves. */
    public void remove(Transport transport) {
        byScheme.values().removeIf(t -> t == transport);
    }

    /** The transport serving a scheme, if one runs. */
    public Optional<Transport> find(String scheme) {
        return scheme == null ? Optional.empty() : Optional.ofNullable(byScheme.get(scheme.toLowerCase(Locale.ROOT)));
    }

    /**
     * The transport of a URL.
     *
     * @throws TransportException class C, when no transport for its scheme runs
     */
    public Transport forUri(URI uri) throws TransportException {
        return find(uri.getScheme()).orElseThrow(() -> new TransportException(ResultClass.C, 0,
                "no transport for " + uri.getScheme() + " is running", null));
    }

    /** The schemes a {@link Transport#SCHEMES} property value names, lower-cased. */
    public static List<String> schemes(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            for (String part : s.split(",")) {
                addScheme(out, part);
            }
        } else if (value instanceof String[] a) {
            for (String s : a) {
                addScheme(out, s);
            }
        } else if (value instanceof Iterable<?> i) {
            i.forEach(x -> addScheme(out, String.valueOf(x)));
        }
        return out;
    }

    private static void addScheme(List<String> out, String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
            out.add(t);
        }
    }
}
