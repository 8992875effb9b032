package org.mppfw.http.internal;

import java.io.IOException;

/**
 * A real nginx origin behind the proxies under test: {@code /open/profile.cfg} over HTTP and
 * HTTPS (certificate for 127.0.0.1 from {@link Pki}), and {@code /via} echoing the request's
 * {@code Via} header, which a proxy adds on its way through; and an HTTPS server whose certificate
 * names another host ({@link #other}).
 */
final class Origin {

    static final String PROFILE = "<flat-profile><Resync_Periodic>7200</Resync_Periodic></flat-profile>\n";

    final int http;
    final int https;
    final int other;

    private Origin(int http, int https, int other) {
        this.http = http;
        this.https = https;
        this.other = other;
    }

    static boolean available() {
        return Peers.installed("nginx") && Peers.installed("openssl");
    }

    /** Starts nginx in {@code peers}' dir; {@code peers} stops it. */
    static Origin start(Peers peers, Pki pki) throws IOException, InterruptedException {
        int http = Peers.freePort();
        int https = Peers.freePort();
        int other = Peers.freePort();
        peers.write("www/open/profile.cfg", PROFILE);
        String d = peers.dir.toString();
        peers.write("nginx.conf", "daemon off; worker_processes 1; pid " + d + "/nginx.pid; error_log " + d
                + "/nginx-error.log info;\n"
                + (Peers.root() ? "user root root;\n" : "")
                + "events { worker_connections 64; }\n"
                + "http {\n"
                + "  types { text/xml cfg; }\n"
                + "  access_log " + d + "/nginx-access.log;\n"
                + "  client_body_temp_path " + d + "/tb; proxy_temp_path " + d + "/tp; fastcgi_temp_path " + d + "/tf;\n"
                + "  uwsgi_temp_path " + d + "/tu; scgi_temp_path " + d + "/ts;\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + http + "; listen 127.0.0.1:" + https + " ssl;\n"
                + "    ssl_certificate " + pki.serverCert + "; ssl_certificate_key " + pki.serverKey + ";\n"
                + "    root " + d + "/www;\n"
                + "    location /open/ { }\n"
                + "    location = /via { default_type text/plain; return 200 \"via=$http_via\"; }\n"
                + "  }\n"
                + "  server { listen 127.0.0.1:" + other + " ssl; ssl_certificate " + pki.otherCert
                + "; ssl_certificate_key " + pki.otherKey + "; root " + d + "/www; location / { } }\n"
                + "}\n");
        peers.start("nginx", http, "nginx", "-p", d, "-c", d + "/nginx.conf");
        return new Origin(http, https, other);
    }

    String url(String path) {
        return "http://127.0.0.1:" + http + path;
    }

    String secure(String path) {
        return "https://127.0.0.1:" + https + path;
    }
}
