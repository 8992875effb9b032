package org.mppfw.webui.internal;

import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.ServerKeyStore;

/**
 * The web server's parameters at one moment.
 *
 * @param enabled     {@code Enable_Web_Server} is Yes
 * @param https       {@code Enable_Protocol} is Https
 * @param port        {@code Web_Server_Port}
 * @param adminAccess {@code Enable_Web_Admin_Access} is Yes
 */
record WebSettings(boolean enabled, boolean https, int port, boolean adminAccess) {

    static final String ENABLE = "Enable_Web_Server";
    static final String PROTOCOL = "Enable_Protocol";
    static final String PORT = "Web_Server_Port";
    static final String ADMIN_ACCESS = "Enable_Web_Admin_Access";
    static final List<String> NAMES = List.of(ENABLE, PROTOCOL, PORT, ADMIN_ACCESS);

    /** Felix HTTP's configuration PID. */
    static final String FELIX_PID = "org.apache.felix.http";
    /** Framework property: added to a port below 1024 (a process that is not root cannot bind those). */
    static final String PORT_OFFSET = "mppfw.web.portOffset";

    static WebSettings read(ParameterStore store) {
        return new WebSettings(yes(store.get(ENABLE)), "Https".equalsIgnoreCase(store.get(PROTOCOL).trim()),
                Integer.parseInt(store.get(PORT).trim()), yes(store.get(ADMIN_ACCESS)));
    }

    private static boolean yes(String v) {
        return "Yes".equalsIgnoreCase(v.trim());
    }

    /** The port served on: {@link #port()}, plus the offset when it is below 1024. */
    int effectivePort(int offset) {
        int p = port < 1024 ? port + offset : port;
        return p > 65535 ? port : p;
    }

    /** Why no connector is opened with these settings (one line), if so; {@code tls}: the key store HTTPS would present. */
    Optional<String> closedBecause(Optional<ServerKeyStore> tls) {
        if (!enabled) {
            return Optional.of("Enable_Web_Server is No");
        }
        if (https && tls.isEmpty()) {
            return Optional.of("Enable_Protocol is Https and no key store is available (yet): the http bundle holds"
                    + " the device certificate");
        }
        return Optional.empty();
    }

    /**
     * Felix HTTP's configuration for these settings (the host and other keys stay the framework's),
     * or empty when the server is to be closed: the image sets {@code org.apache.felix.http.require.config},
     * so that Jetty runs only while a configuration exists. HTTPS opens only the TLS connector,
     * presenting {@code tls}; HTTP only the plain one.
     */
    Optional<Hashtable<String, Object>> felixConfig(int offset, Optional<ServerKeyStore> tls) {
        if (closedBecause(tls).isPresent()) {
            return Optional.empty();
        }
        Hashtable<String, Object> c = new Hashtable<>();
        c.put("org.apache.felix.http.enable", !https);
        c.put("org.apache.felix.https.enable", https);
        c.put(https ? "org.osgi.service.http.port.secure" : "org.osgi.service.http.port", effectivePort(offset));
        if (https) {
            String password = new String(tls.get().password());
            c.put("org.apache.felix.https.keystore", tls.get().file().toAbsolutePath().toString());
            c.put("org.apache.felix.https.keystore.type", "PKCS12");
            c.put("org.apache.felix.https.keystore.password", password);
            c.put("org.apache.felix.https.keystore.key.password", password);
        }
        c.put("org.apache.felix.http.jetty.sendServerHeader", false);
        return Optional.of(c);
    }
}
