package org.mppfw.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Apache httpd on 127.0.0.1 in the foreground, configured in a {@link Scratch} folder:
 * the event MPM and the given modules, pid, logs and runtime files in the folder; the test gives
 * the rest of {@code httpd.conf}. Stopped by the scratch.
 */
public final class Apache {

    private Apache() {
    }

    /**
     * Starts {@code apache2 -f httpd.conf} and waits until it listens on {@code port}. The access
     * log ({@code access.log}) has the given format; errors go to {@code error.log}.
     *
     * @param modules module names as in {@code mods-available} ({@code auth_digest}, {@code mime}, ...)
     * @param logFormat the {@code CustomLog} format
     * @param rest the site's directives (DocumentRoot, Location blocks, ...)
     */
    public static void start(Scratch s, int port, List<String> modules, String logFormat, List<String> rest)
            throws IOException {
        Peer.require("apache2");
        String d = s.dir.toString();
        List<String> conf = new ArrayList<>(List.of("ServerRoot /usr/lib/apache2",
                "LoadModule mpm_event_module modules/mod_mpm_event.so"));
        for (String m : modules) {
            conf.add("LoadModule " + m + "_module modules/mod_" + m + ".so");
        }
        conf.addAll(List.of("ServerName localhost",
                "Listen 127.0.0.1:" + port,
                "PidFile " + d + "/httpd.pid",
                "ErrorLog " + d + "/error.log",
                "CustomLog " + d + "/access.log \"" + logFormat.replace("\"", "\\\"") + "\"",
                "DefaultRuntimeDir " + d,
                "Mutex file:" + d,
                Peer.root() ? "User www-data" : "",
                Peer.root() ? "Group www-data" : "",
                "TypesConfig /etc/mime.types"));
        conf.addAll(rest);
        conf.add("");
        s.write("httpd.conf", String.join("\n", conf));
        s.start("apache2", Ready.tcp(port), "apache2", "-f", d + "/httpd.conf", "-DFOREGROUND");
    }
}
