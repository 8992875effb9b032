package org.mppfw.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mppfw.http.internal.Fixtures.failure;
import static org.mppfw.http.internal.Fixtures.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.testing.Peer;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.Squid;

/**
 * Through a real squid whose 407 offers Digest and Basic in one response: the phone answers the
 * stronger one (Digest), and ends wrong credentials as class C. Squid's access log records the
 * scheme of each {@code Proxy-Authorization} it received (never its value).
 */
class SquidProxyTest {

    static Scratch peers;
    static Pki pki;
    static Origin origin;
    static int proxyPort;

    @BeforeAll
    static void start() throws Exception {
        Peer.require("squid");
        Origin.require();
        String digestAuth = Squid.helper("digest_file_auth");
        String basicAuth = Squid.helper("basic_ncsa_auth");
        peers = new Scratch("squid");
        pki = Pki.create(peers);
        origin = Origin.start(peers, pki);
        proxyPort = Ports.tcp();
        String d = peers.dir.toString();
        // digest_file_auth -c: "user:realm:HA1"; basic_ncsa_auth: an htpasswd file (APR1 MD5)
        peers.write("digest.pw", "proxyuser:prov:" + md5("proxyuser:prov:pr0xy") + "\n");
        peers.write("passwd", "proxyuser:" + peers.run("openssl", "passwd", "-apr1", "pr0xy").trim() + "\n");
        // log the scheme of the Proxy-Authorization received, never its value
        Squid.start(peers, proxyPort, "%>a %un %>Hs %rm %ru auth=[%{scheme}note]", List.of(
                "acl digest_hdr req_header Proxy-Authorization ^Digest ",
                "acl basic_hdr req_header Proxy-Authorization ^Basic ",
                "note scheme Digest digest_hdr",
                "note scheme Basic basic_hdr",
                "auth_param digest program " + digestAuth + " -c " + d + "/digest.pw",
                "auth_param digest realm prov",
                "auth_param digest children 1 startup=1",
                "auth_param basic program " + basicAuth + " " + d + "/passwd",
                "auth_param basic realm prov",
                "auth_param basic children 1 startup=1",
                "acl authed proxy_auth REQUIRED",
                "acl localsrc src 127.0.0.1/32",
                "acl SSL_ports port " + origin.https,
                "acl CONNECT method CONNECT",
                "http_access deny CONNECT !SSL_ports",
                "http_access allow localsrc authed",
                "http_access deny all"));
    }

    @AfterAll
    static void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static HttpExchanger phone(String user, String password) throws Exception {
        return Fixtures.proxied(pki, proxyPort, user, password);
    }

    /** Squid's access log lines for URLs containing this text: "status auth=[scheme ...]". */
    static List<String> lines(String text) throws InterruptedException {
        return lines(text, 1);
    }

    static List<String> lines(String text, int atLeast) throws InterruptedException {
        return peers.settledLines("access.log", l -> l.contains(text), atLeast).stream()
                .map(l -> l.replaceAll("^\\S+ \\S+ (\\d{3}) \\S+ \\S+ auth=\\[([^\\]\\s]*).*$", "$1 $2"))
                .collect(Collectors.toList());
    }

    @Test
    void challengeOffersDigestAndBasic() throws Exception {
        HttpExchanger.Outcome o = phone(null, null).attempt(TransportRequest.get(URI.create(origin.url("/open/profile.cfg?challenge"))));
        assertEquals(407, o.status());
        List<String> offered = o.headers().get("proxy-authenticate");
        assertTrue(offered.stream().anyMatch(c -> c.startsWith("Digest ")) && offered.stream().anyMatch(c -> c.startsWith("Basic ")),
                offered.toString());
        assertEquals(ResultClass.C, o.failure().resultClass());
    }

    @Test
    void answersWithDigestAndSucceeds() throws Exception {
        HttpExchanger phone = phone("proxyuser", "pr0xy");
        assertEquals(Origin.PROFILE, get(phone, origin.url("/open/profile.cfg?digest")));
        assertEquals(List.of("407 -", "200 Digest"), lines("/open/profile.cfg?digest", 2));
        assertTrue(get(phone, origin.url("/via")).contains("squid"), "the request went through squid");
    }

    @Test
    void wrongPasswordIsClassC() throws Exception {
        TransportException e = failure(phone("proxyuser", "wr0ng-pw"), origin.url("/open/profile.cfg?wrongpw"));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals(407, e.status());
        assertFalse(e.getMessage().contains("wr0ng-pw"), "no password in messages");
        List<String> seen = lines("/open/profile.cfg?wrongpw", 2);
        assertTrue(seen.size() >= 2 && seen.size() <= 3, "the first request and at most two retries: " + seen);
        assertTrue(seen.stream().allMatch(l -> l.startsWith("407 ")), seen.toString());
    }

    @Test
    void httpsThroughConnect() throws Exception {
        assertEquals(Origin.PROFILE, get(phone("proxyuser", "pr0xy"), origin.secure("/open/profile.cfg")));
        assertTrue(lines("CONNECT 127.0.0.1:" + origin.https).contains("200 Digest"), peers.read("access.log"));
    }
}
