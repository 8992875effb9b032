package org.mppfw.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A real lighttpd on 127.0.0.1 in the foreground, configured in a {@link Scratch} folder: document
 * root {@code www/}, {@code error.log} and {@code access.log} there; the test gives its modules and
 * the rest of {@code lighttpd.conf}. Stopped by the scratch.
 */
public final class Lighttpd {

    private Lighttpd() {
    }

    /** Starts {@code lighttpd -D} and waits until it listens on {@code port}. */
    public static void start(Scratch s, int port, List<String> modules, List<String> rest) throws IOException {
        Peer.require("lighttpd");
        String d = s.dir.toString();
        List<String> mods = new ArrayList<>();
        for (String m : modules) {
            mods.add("\"" + m + "\"");
        }
        mods.add("\"mod_accesslog\"");
        List<String> conf = new ArrayList<>(List.of(
                "server.document-root = \"" + d + "/www\"",
                "server.bind = \"127.0.0.1\"",
                "server.port = " + port,
                "server.errorlog = \"" + d + "/error.log\"",
                "server.modules = ( " + String.join(", ", mods) + " )",
                "accesslog.filename = \"" + d + "/access.log\""));
        conf.addAll(rest);
        conf.add("");
        s.write("lighttpd.conf", String.join("\n", conf));
        s.start("lighttpd", Ready.tcp(port), "lighttpd", "-D", "-f", d + "/lighttpd.conf");
    }
}
