package org.mppfw.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mppfw.http.internal.Fixtures.body;
import static org.mppfw.http.internal.Fixtures.creds;
import static org.mppfw.http.internal.Fixtures.exchanger;
import static org.mppfw.http.internal.Fixtures.failure;
import static org.mppfw.http.internal.Fixtures.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.testing.Apache;
import org.mppfw.testing.Await;
import org.mppfw.testing.Peer;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;

/** Against a real Apache httpd with mod_auth_digest: Digest MD5, qop=auth, stale nonces. */
class ApacheDigestTest {

    static final String PROFILE = "<flat-profile><Station_Name>apache</Station_Name></flat-profile>\n";
    static Scratch peers;
    static int port;

    @BeforeAll
    static void startApache() throws Exception {
        Peer.require("apache2");
        Peer.require("htdigest");
        peers = new Scratch("apache");
        port = Ports.tcp();
        peers.write("www/digest/profile.cfg", PROFILE);
        // htdigest's file format: user:realm:MD5(user:realm:password)
        String ha1 = md5("phone:prov:s3cret");
        peers.write("digest.pw", "phone:prov:" + ha1 + "\n");
        String d = peers.dir.toString();
        Apache.start(peers, port, List.of("authn_core", "authn_file", "authz_core", "authz_user", "auth_digest", "mime"),
                "%h %u %t \"%r\" %>s %b auth=[%{Authorization}i]", List.of(
                "LogLevel info auth_digest:debug",
                "AddType text/xml .cfg",
                "DocumentRoot " + d + "/www",
                "<Directory " + d + "/www>",
                "  Require all granted",
                "</Directory>",
                "<Location /digest/>",
                "  AuthType Digest",
                "  AuthName \"prov\"",
                "  AuthDigestDomain /digest/",
                "  AuthDigestProvider file",
                "  AuthUserFile " + d + "/digest.pw",
                "  AuthDigestNonceLifetime 1",
                "  Require valid-user",
                "</Location>"));
    }

    @AfterAll
    static void stopApache() {
        if (peers != null) {
            peers.close();
        }
    }

    static String md5(String s) throws Exception {
        byte[] h = java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder();
        for (byte x : h) {
            b.append(String.format("%02x", x));
        }
        return b.toString();
    }

    static TransportRequest request(String query, String password) {
        return TransportRequest.builder(URI.create("http://127.0.0.1:" + port + "/digest/profile.cfg?" + query))
                .credentials(creds("phone", password)).build();
    }

    /** The statuses Apache logged for requests carrying this query, once the lines have settled. */
    static List<String> statuses(String query) {
        // the server writes its access log after the response: wait until the lines stop coming
        return peers.settledLines("access.log", l -> l.contains("?" + query + " ")).stream()
                .map(l -> l.replaceAll(".*\" (\\d{3}) .*", "$1")).collect(Collectors.toList());
    }

    /**
     * Waits until Apache itself calls the nonce of an earlier exchange stale: its Authorization
     * (from the access log) sent again gets a 401 with {@code stale=true}.
     */
    static void awaitStale(String query) {
        String line = peers.settledLines("access.log", l -> l.contains("?" + query + " ") && l.contains("\" 200 ")).get(0);
        // Apache logs a header's quotes escaped: \" for "
        String authorization = line.substring(line.indexOf("auth=[") + 6, line.length() - 1).replace("\\\"", "\"");
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest replay = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/digest/profile.cfg?" + query))
                .header("Authorization", authorization).build();
        Await.until("Apache to call the nonce of ?" + query + " stale", () -> {
            try {
                HttpResponse<Void> r = client.send(replay, HttpResponse.BodyHandlers.discarding());
                return r.statusCode() == 401
                        && r.headers().firstValue("www-authenticate").orElse("").contains("stale=true");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void challengeIsDigestMd5WithQopAuth() {
        HttpExchanger.Outcome o = exchanger(settings(Fixtures.builtInOnly(), null, null))
                .attempt(TransportRequest.get(URI.create("http://127.0.0.1:" + port + "/digest/profile.cfg")));
        assertEquals(401, o.status());
        assertEquals(ResultClass.C, o.failure().resultClass());
        String challenge = o.headers().get("www-authenticate").get(0);
        assertTrue(challenge.startsWith("Digest ") && challenge.contains("algorithm=MD5") && challenge.contains("qop=\"auth\""),
                challenge);
    }

    @Test
    void digestMd5Succeeds() throws Exception {
        HttpExchanger phone = exchanger(settings(Fixtures.builtInOnly(), null, null));
        assertEquals(PROFILE, body(phone.exchange(request("md5", "s3cret"))));
    }

    @Test
    void wrongPasswordIsClassCAfterAtMostTwoRetries() throws Exception {
        HttpExchanger phone = exchanger(settings(Fixtures.builtInOnly(), null, null));
        TransportException e = failure(phone, request("wrong", "nope"));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals(401, e.status());
        int n = statuses("wrong").size();
        assertTrue(n >= 2 && n <= 3, "the first request and at most two retries: " + n);
    }

    @Test
    void expiredNonceIsNeverReplayed() throws Exception {
        HttpExchanger phone = exchanger(settings(Fixtures.builtInOnly(), null, null));
        assertEquals(PROFILE, body(phone.exchange(request("first", "s3cret"))));
        // each exchange answers a fresh challenge: no credentials up front, so no stale nonce is ever sent
        assertEquals(List.of("401", "200"), statuses("first"));
        awaitStale("first"); // the server's nonce lifetime is 1 s
        assertEquals(PROFILE, body(phone.exchange(request("second", "s3cret"))));
        assertEquals(List.of("401", "200"), statuses("second"));
        String log = peers.read("access.log");
        assertTrue(log.lines().filter(l -> l.contains("?second ") && l.contains(" 401 ")).allMatch(l -> l.endsWith("auth=[-]")),
                log);
    }
}
