package org.mppfw.http.internal;

import java.io.IOException;

import org.mppfw.testing.Nginx;
import org.mppfw.testing.Peer;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;

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

    /** Requires nginx and openssl, the peers of an origin and its PKI. */
    static void require() {
        Peer.require("nginx");
        Peer.require("openssl");
    }

    /** Starts nginx in {@code peers}' dir; {@code peers} stops it. */
    static Origin start(Scratch peers, Pki pki) throws IOException {
        int http = Ports.tcp();
        int https = Ports.tcp();
        int other = Ports.tcp();
        peers.write("www/open/profile.cfg", PROFILE);
        String d = peers.dir.toString();
        Nginx.start(peers, "nginx", http, "", "  types { text/xml cfg; }\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + http + "; listen 127.0.0.1:" + https + " ssl;\n"
                + "    ssl_certificate " + pki.serverCert + "; ssl_certificate_key " + pki.serverKey + ";\n"
                + "    root " + d + "/www;\n"
                + "    location /open/ { }\n"
                + "    location = /via { default_type text/plain; return 200 \"via=$http_via\"; }\n"
                + "  }\n"
                + "  server { listen 127.0.0.1:" + other + " ssl; ssl_certificate " + pki.otherCert
                + "; ssl_certificate_key " + pki.otherKey + "; root " + d + "/www; location / { } }\n");
        return new Origin(http, https, other);
    }

    String url(String path) {
        return "http://127.0.0.1:" + http + path;
    }

    String secure(String path) {
        return "https://127.0.0.1:" + https + path;
    }
}
