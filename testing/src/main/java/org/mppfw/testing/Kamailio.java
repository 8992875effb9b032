package org.mppfw.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Kamailio SIP registrar and proxy on 127.0.0.1 (UDP and TCP on one port), started in a
 * {@link Scratch} folder: REGISTER is challenged with digest ({@code pv_www_authenticate}, the
 * realm the To domain) against the test's accounts and saved in its in-memory location table;
 * any other request is relayed to the registered contact of its Request-URI's user (404 when
 * there is none). {@link #locations()} reads the table with {@code kamcmd ul.dump}. Stopped by
 * the scratch.
 */
public final class Kamailio {

    public final Scratch scratch;
    public final int port;

    private Kamailio(Scratch scratch, int port) {
        this.scratch = scratch;
        this.port = port;
    }

    /** Starts Kamailio on {@code port} with {@code accounts} (user → password) and waits until it listens. */
    public static Kamailio start(Scratch s, int port, Map<String, String> accounts) throws IOException {
        Peer.require("kamailio");
        Path modules = modules();
        String run = s.mkdirs("kamailio-run").toString();
        String users = accounts.entrySet().stream()
                .map(e -> "    if ($fU == \"" + e.getKey() + "\") { $var(pw) = \"" + e.getValue() + "\"; }\n")
                .collect(Collectors.joining());
        s.write("kamailio.cfg", "#!KAMAILIO\n"
                + "debug=2\nlog_stderror=yes\nmemdbg=5\nmemlog=5\nchildren=2\ntcp_children=2\n"
                + "listen=udp:127.0.0.1:" + port + "\nlisten=tcp:127.0.0.1:" + port + "\n"
                + "mpath=\"" + modules + "/\"\n"
                + "loadmodule \"kex.so\"\nloadmodule \"corex.so\"\nloadmodule \"tm.so\"\nloadmodule \"sl.so\"\n"
                + "loadmodule \"pv.so\"\nloadmodule \"maxfwd.so\"\nloadmodule \"textops.so\"\nloadmodule \"siputils.so\"\n"
                + "loadmodule \"xlog.so\"\nloadmodule \"usrloc.so\"\nloadmodule \"registrar.so\"\nloadmodule \"auth.so\"\n"
                + "loadmodule \"ctl.so\"\n"
                + "modparam(\"ctl\", \"binrpc\", \"unix:" + run + "/kamailio_ctl\")\n"
                + "request_route {\n"
                + "  xlog(\"L_NOTICE\", \"request $rm from $si:$sp to $ru\\n\");\n"
                + "  if (!mf_process_maxfwd_header(\"10\")) { sl_send_reply(\"483\", \"Too Many Hops\"); exit; }\n"
                + "  if (is_method(\"REGISTER\")) {\n"
                + "    $var(pw) = \"\";\n" + users
                + "    if ($var(pw) == \"\") { sl_send_reply(\"403\", \"Unknown User\"); exit; }\n"
                + "    if (!pv_www_authenticate(\"$td\", \"$var(pw)\", \"0\")) { www_challenge(\"$td\", \"0\"); exit; }\n"
                + "    if (!save(\"location\")) { sl_reply_error(); }\n"
                + "    exit;\n"
                + "  }\n"
                + "  if (!lookup(\"location\")) { sl_send_reply(\"404\", \"Not Found\"); exit; }\n"
                + "  t_relay();\n"
                + "}\n"
                + "onreply_route {\n"
                + "  xlog(\"L_NOTICE\", \"reply $rs $rr from $si:$sp\\n\");\n"
                + "}\n");
        s.start("kamailio", Ready.tcp(port), "kamailio", "-DD", "-E", "-m", "32", "-M", "8", "-f",
                s.file("kamailio.cfg").toString(), "-P", run + "/kamailio.pid", "-Y", run, "-w", run);
        return new Kamailio(s, port);
    }

    /** What {@code kamcmd ul.dump} prints of the location table now. */
    public String locations() {
        return scratch.run("kamcmd", "-s", "unix:" + scratch.file("kamailio-run/kamailio_ctl"), "ul.dump");
    }

    /** Kamailio's log (its standard error) so far. */
    public String log() {
        return scratch.read("kamailio.out");
    }

    /** The folder of Kamailio's modules (Debian installs them under the architecture's lib folder). */
    static Path modules() throws IOException {
        try (Stream<Path> libs = Files.list(Path.of("/usr/lib"))) {
            return libs.map(p -> p.resolve("kamailio/modules")).filter(p -> Files.isRegularFile(p.resolve("auth.so")))
                    .findFirst().orElseThrow(() -> Peer.missing("kamailio's auth module", "apt-get install kamailio"));
        }
    }
}
