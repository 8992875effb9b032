package org.mppfw.testing;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A real nginx on 127.0.0.1, started in a {@link Scratch} folder with the server-wide settings
 * every test needs (foreground, one worker, logs and temp folders in the scratch folder); the
 * test gives what goes into {@code http { }}: its {@code server} blocks. Stopped by the scratch.
 */
public final class Nginx {

    /** The echo module (package libnginx-mod-http-echo): {@code echo}, {@code echo_read_request_body}. */
    public static final Path ECHO_MODULE = Path.of("/usr/lib/nginx/modules/ngx_http_echo_module.so");
    /** The Debian package of {@link #ECHO_MODULE}. */
    public static final String ECHO_PACKAGE = "libnginx-mod-http-echo";

    public final Scratch scratch;
    public final String name;
    /** The port the start waited for (the first the test listens on). */
    public final int port;

    private Nginx(Scratch scratch, String name, int port) {
        this.scratch = scratch;
        this.name = name;
        this.port = port;
    }

    /** Starts nginx ({@code nginx.conf}, {@code nginx-access.log}, ...) and waits until it listens on {@code port}. */
    public static Nginx start(Scratch s, int port, String http) throws IOException {
        return start(s, "nginx", port, "", http);
    }

    /**
     * Starts nginx with {@code NAME.conf}, logs {@code NAME-access.log} and {@code NAME-error.log},
     * and waits until it listens on {@code port}.
     *
     * @param main more directives of the main context ({@code load_module ...;}), or ""
     * @param http what goes into {@code http { }} after the common directives
     */
    public static Nginx start(Scratch s, String name, int port, String main, String http) throws IOException {
        Peer.require("nginx");
        String d = s.dir.toString();
        String tmp = s.mkdirs(name + "-tmp").toString();
        s.write(name + ".conf", "daemon off; worker_processes 1; pid " + d + "/" + name + ".pid; error_log " + d + "/"
                + name + "-error.log info;\n"
                + (Peer.root() ? "user root root;\n" : "")
                + main
                + "events { worker_connections 64; }\n"
                + "http {\n"
                + "  access_log " + d + "/" + name + "-access.log;\n"
                + "  client_body_temp_path " + tmp + "/body; proxy_temp_path " + tmp + "/proxy; fastcgi_temp_path " + tmp
                + "/fastcgi;\n  uwsgi_temp_path " + tmp + "/uwsgi; scgi_temp_path " + tmp + "/scgi;\n"
                + http
                + "}\n");
        s.start(name, Ready.tcp(port), "nginx", "-p", d, "-c", d + "/" + name + ".conf");
        return new Nginx(s, name, port);
    }

    /** The {@code load_module} line of the echo module, which must be installed. */
    public static String echoModule() {
        Peer.requireFile(ECHO_MODULE, ECHO_PACKAGE);
        return "load_module " + ECHO_MODULE + ";\n";
    }

    /** What nginx logged of the requests so far (it logs a request after answering it). */
    public String accessLog() {
        return scratch.read(name + "-access.log");
    }
}
