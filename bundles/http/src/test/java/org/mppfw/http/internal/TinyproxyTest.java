package org.mppfw.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mppfw.http.internal.Fixtures.body;
import static org.mppfw.http.internal.Fixtures.creds;
import static org.mppfw.http.internal.Fixtures.failure;
import static org.mppfw.http.internal.Fixtures.get;
import static org.mppfw.http.internal.Fixtures.settings;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.testing.Peer;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.Tinyproxy;

/**
 * Through a real tinyproxy that wants proxy authentication (407, Basic only), to a real nginx
 * origin: plain GETs, and HTTPS through CONNECT with the host name still checked end to end.
 * Quirk of tinyproxy 1.11: wrong proxy credentials get {@code 401} with {@code WWW-Authenticate}
 * instead of a second 407; the phone ends that as class C too.
 */
class TinyproxyTest {

    static Scratch peers;
    static Pki pki;
    static Origin origin;
    static int proxyPort;

    @BeforeAll
    static void start() throws Exception {
        Peer.require("tinyproxy");
        Origin.require();
        peers = new Scratch("tinyproxy");
        pki = Pki.create(peers);
        origin = Origin.start(peers, pki);
        proxyPort = Ports.tcp();
        Tinyproxy.start(peers, proxyPort, List.of(
                "BasicAuth proxyuser pr0xy",
                "ConnectPort " + origin.https,
                "ConnectPort " + origin.other));
    }

    @AfterAll
    static void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    static HttpExchanger phone(String user, String password) throws Exception {
        return Fixtures.proxied(pki, proxyPort, user, password);
    }

    /** How many requests tinyproxy logged whose request line contains this text. */
    static long requests(String text) throws InterruptedException {
        return requests(text, 1);
    }

    static long requests(String text, int atLeast) throws InterruptedException {
        return peers.settledLines("tinyproxy.log", l -> l.contains("Request (") && l.contains(text), atLeast).size();
    }

    @Test
    void getThroughTheProxyWithProxyCredentials() throws Exception {
        HttpExchanger phone = phone("proxyuser", "pr0xy");
        assertEquals(Origin.PROFILE, get(phone, origin.url("/open/profile.cfg?creds")));
        assertTrue(get(phone, origin.url("/via")).contains("tinyproxy"), "the request went through tinyproxy");
        assertEquals(2, requests("/open/profile.cfg?creds", 2), "one 407, then the request with credentials");
    }

    @Test
    void withoutProxyCredentialsIsClassC407() throws Exception {
        TransportException e = failure(phone(null, null), origin.url("/open/profile.cfg?nocreds"));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals(407, e.status());
        assertTrue(e.getMessage().contains("proxy"), e.getMessage());
        assertTrue(requests("/open/profile.cfg?nocreds") <= 3, "the first request and at most two retries");
    }

    @Test
    void wrongProxyPasswordIsClassCAfterAtMostTwoRetries() throws Exception {
        TransportException e = failure(phone("proxyuser", "wr0ng-pw"), origin.url("/open/profile.cfg?wrongpw"));
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.status() == 407 || e.status() == 401, "tinyproxy answers bad credentials with 401: " + e.status());
        assertFalse(e.getMessage().contains("wr0ng-pw"), "no password in messages");
        long n = requests("/open/profile.cfg?wrongpw", 2);
        assertTrue(n >= 2 && n <= 3, "the first request and at most two retries: " + n);
    }

    @Test
    void httpsThroughConnectChecksTheOriginsCertificate() throws Exception {
        HttpExchanger phone = phone("proxyuser", "pr0xy");
        assertEquals(Origin.PROFILE, get(phone, origin.secure("/open/profile.cfg")));
        assertTrue(requests("CONNECT 127.0.0.1:" + origin.https + " ") >= 1, "tunnelled by tinyproxy");
        // the tunnel does not switch off host name verification: a certificate for another host is refused
        TransportException e = failure(phone, "https://127.0.0.1:" + origin.other + "/open/profile.cfg");
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("TLS"), e.getMessage());
        assertTrue(requests("CONNECT 127.0.0.1:" + origin.other + " ") >= 1, "tunnelled by tinyproxy");
    }

    @Test
    void connectWithoutProxyCredentialsIsClassC407() throws Exception {
        TransportException e = failure(phone(null, null), origin.secure("/open/profile.cfg"));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals(407, e.status());
    }

    @Test
    void proxyFromThePhonesParameters() throws Exception {
        HttpTransport transport = Fixtures.transport(Map.of("Proxy_Mode", "On", "Proxy_Host", "127.0.0.1",
                "Proxy_Port", Integer.toString(proxyPort), "Proxy_Username", "proxyuser", "Proxy_Password", "pr0xy"));
        try {
            assertEquals("127.0.0.1:" + proxyPort, transport.settings().proxy().toString());
            assertTrue(body(transport.exchange(TransportRequest.get(URI.create(origin.url("/via"))))).contains("tinyproxy"),
                    "the request went through tinyproxy");
        } finally {
            transport.deactivate();
        }
        HttpTransport off = Fixtures.transport(Map.of("Proxy_Mode", "Off", "Proxy_Host", "127.0.0.1",
                "Proxy_Port", Integer.toString(proxyPort)));
        try {
            assertEquals(null, off.settings().proxy());
            assertEquals("via=", body(off.exchange(TransportRequest.get(URI.create(origin.url("/via"))))));
        } finally {
            off.deactivate();
        }
    }
}
