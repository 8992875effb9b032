package org.mppfw.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mppfw.http.internal.Fixtures.body;
import static org.mppfw.http.internal.Fixtures.creds;
import static org.mppfw.http.internal.Fixtures.exchanger;
import static org.mppfw.http.internal.Fixtures.failure;
import static org.mppfw.http.internal.Fixtures.settings;

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
import org.mppfw.testing.Lighttpd;
import org.mppfw.testing.Peer;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;

/**
 * Against a real lighttpd with mod_auth's htdigest backend: Digest with {@code algorithm=SHA-256}
 * (RFC 7616) and, for comparison, MD5, both with {@code qop=auth}.
 */
class LighttpdDigestTest {

    static final String PROFILE = "<flat-profile><Station_Name>lighttpd</Station_Name></flat-profile>\n";
    static Scratch peers;
    static int port;

    @BeforeAll
    static void startLighttpd() throws Exception {
        Peer.require("lighttpd");
        peers = new Scratch("lighttpd");
        port = Ports.tcp();
        peers.write("www/digest/profile.cfg", PROFILE);
        peers.write("www/digestmd5/profile.cfg", PROFILE);
        // lighttpd's htdigest file: user:realm:HA1; a 64-digit HA1 is SHA-256(user:realm:password),
        // a 32-digit one MD5. One user per algorithm: a line holds one HA1.
        peers.write("users.htdigest", "phone:prov:" + hex("SHA-256", "phone:prov:s3cret") + "\n"
                + "phonemd5:prov:" + hex("MD5", "phonemd5:prov:s3cret") + "\n");
        String d = peers.dir.toString();
        Lighttpd.start(peers, port, List.of("mod_auth", "mod_authn_file"), List.of(
                "mimetype.assign = ( \".cfg\" => \"text/xml\" )",
                "auth.backend = \"htdigest\"",
                "auth.backend.htdigest.userfile = \"" + d + "/users.htdigest\"",
                "auth.require = (",
                "  \"/digest/\" => ( \"method\" => \"digest\", \"algorithm\" => \"SHA-256\", \"realm\" => \"prov\","
                        + " \"require\" => \"valid-user\" ),",
                "  \"/digestmd5/\" => ( \"method\" => \"digest\", \"algorithm\" => \"MD5\", \"realm\" => \"prov\","
                        + " \"require\" => \"valid-user\" ) )"));
    }

    @AfterAll
    static void stopLighttpd() {
        if (peers != null) {
            peers.close();
        }
    }

    static String hex(String algorithm, String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static TransportRequest request(String path, String query, String user, String password) {
        return TransportRequest.builder(URI.create("http://127.0.0.1:" + port + path + "?" + query))
                .credentials(creds(user, password)).build();
    }

    /** The statuses lighttpd logged for requests carrying this query, in order. */
    static List<String> statuses(String query) throws InterruptedException {
        return statuses(query, 1);
    }

    static List<String> statuses(String query, int atLeast) throws InterruptedException {
        return peers.settledLines("access.log", l -> l.contains("?" + query + " "), atLeast).stream()
                .map(l -> l.replaceAll(".*\" (\\d{3}) .*", "$1")).collect(Collectors.toList());
    }

    @Test
    void challengeIsDigestSha256() {
        HttpExchanger.Outcome o = exchanger(settings(Fixtures.builtInOnly(), null, null))
                .attempt(TransportRequest.get(URI.create("http://127.0.0.1:" + port + "/digest/profile.cfg")));
        assertEquals(401, o.status());
        assertEquals(ResultClass.C, o.failure().resultClass());
        String challenge = o.headers().get("www-authenticate").get(0);
        assertTrue(challenge.startsWith("Digest ") && challenge.contains("algorithm=SHA-256")
                && challenge.contains("qop=\"auth\""), challenge);
    }

    @Test
    void digestSha256WithTheRulesCredentials() throws Exception {
        HttpExchanger phone = exchanger(settings(Fixtures.builtInOnly(), null, null));
        assertEquals(PROFILE, body(phone.exchange(request("/digest/profile.cfg", "sha256", "phone", "s3cret"))));
        assertEquals(List.of("401", "200"), statuses("sha256", 2));
    }

    @Test
    void digestSha256WithTheProfileAccount() throws Exception {
        HttpExchanger phone = exchanger(settings(Fixtures.builtInOnly(), null, creds("phone", "s3cret")));
        assertEquals(PROFILE, body(phone.exchange(TransportRequest.get(
                URI.create("http://127.0.0.1:" + port + "/digest/profile.cfg?account")))));
    }

    @Test
    void digestMd5OnTheSameServer() throws Exception {
        HttpExchanger phone = exchanger(settings(Fixtures.builtInOnly(), null, null));
        assertEquals(PROFILE, body(phone.exchange(request("/digestmd5/profile.cfg", "md5", "phonemd5", "s3cret"))));
    }

    @Test
    void wrongPasswordIsClassCAfterAtMostTwoRetries() throws Exception {
        HttpExchanger phone = exchanger(settings(Fixtures.builtInOnly(), null, null));
        TransportException e = failure(phone, request("/digest/profile.cfg", "wrongpw", "phone", "n0pe-wrong"));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals(401, e.status());
        assertFalse(e.getMessage().contains("n0pe-wrong"), "no password in messages");
        List<String> seen = statuses("wrongpw", 2);
        assertTrue(seen.size() >= 2 && seen.size() <= 3, "the first request and at most two retries: " + seen);
        assertTrue(seen.stream().allMatch("401"::equals), seen.toString());
        assertTrue(peers.read("error.log").contains("wrong password"), "lighttpd checked a digest answer");
    }
}
