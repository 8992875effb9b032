package org.mppfw.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real squid on 127.0.0.1 in the foreground, configured in a {@link Scratch} folder: no cache,
 * no DNS beyond loopback, logs in the folder (the access log unbuffered, in the given format);
 * the test gives its authentication and access rules. Stopped by the scratch.
 */
public final class Squid {

    /** Where squid's authentication helpers are (package squid). */
    public static final Path HELPERS = Path.of("/usr/lib/squid");
    /** The Debian package of squid and its helpers. */
    public static final String PACKAGE = "squid";

    private Squid() {
    }

    /** A helper program of squid ({@code digest_file_auth}, {@code basic_ncsa_auth}), which must be installed. */
    public static String helper(String name) {
        return Peer.requireFile(HELPERS.resolve(name), PACKAGE).toString();
    }

    /**
     * Starts {@code squid -N} and waits until it listens on {@code port}; as root it first gives
     * the folder to the proxy user, which squid drops to.
     *
     * @param logFormat the {@code logformat} of {@code access.log}
     * @param rules auth_param, acl and http_access lines
     */
    public static void start(Scratch s, int port, String logFormat, List<String> rules) throws IOException {
        Peer.require("squid");
        String d = s.dir.toString();
        List<String> conf = new ArrayList<>(List.of(
                "http_port 127.0.0.1:" + port,
                "pid_filename " + d + "/squid.pid",
                "cache_log " + d + "/cache.log",
                "logformat mppfw " + logFormat,
                "access_log stdio:" + d + "/access.log mppfw",
                "buffered_logs off",
                "strip_query_terms off",
                "netdb_filename none",
                "coredump_dir " + d,
                "cache deny all",
                "cache_mem 8 MB",
                "shutdown_lifetime 1 seconds",
                "pinger_enable off",
                "dns_nameservers 127.0.0.1"));
        conf.addAll(rules);
        conf.add("");
        s.write("squid.conf", String.join("\n", conf));
        if (Peer.root()) {
            s.run("chown", "-R", "proxy:proxy", d);
        }
        s.start("squid", Ready.tcp(port), "squid", "-N", "-f", d + "/squid.conf");
    }
}
