package org.mppfw.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A real tinyproxy on 127.0.0.1 in the foreground, configured in a {@link Scratch} folder (log
 * {@code tinyproxy.log} at level Connect, clients from 127.0.0.1 only); the test gives the rest
 * (BasicAuth, ConnectPort). Stopped by the scratch.
 */
public final class Tinyproxy {

    private Tinyproxy() {
    }

    /** Starts {@code tinyproxy -d} and waits until it listens on {@code port}. */
    public static void start(Scratch s, int port, List<String> rest) throws IOException {
        Peer.require("tinyproxy");
        String d = s.dir.toString();
        List<String> conf = new ArrayList<>(List.of(
                "Port " + port,
                "Listen 127.0.0.1",
                "Timeout 60",
                "MaxClients 20",
                "LogFile \"" + d + "/tinyproxy.log\"",
                "LogLevel Connect",
                "PidFile \"" + d + "/tinyproxy.pid\"",
                "Allow 127.0.0.1"));
        conf.addAll(rest);
        conf.add("");
        s.write("tinyproxy.conf", String.join("\n", conf));
        s.start("tinyproxy", Ready.tcp(port), "tinyproxy", "-d", "-c", d + "/tinyproxy.conf");
    }
}
