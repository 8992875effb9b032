package org.mppfw.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mppfw.http.internal.Fixtures.body;
import static org.mppfw.http.internal.Fixtures.creds;
import static org.mppfw.http.internal.Fixtures.exchanger;
import static org.mppfw.http.internal.Fixtures.failure;
import static org.mppfw.http.internal.Fixtures.settings;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;

/** Against a real Apache httpd with mod_auth_digest: Digest MD5, qop=auth, stale nonces. */
class ApacheDigestTest {

    static final String PROFILE = "<flat-profile><Station_Name>apache</Station_Name></flat-profile>\n";
    static Peers peers;
    static int port;

    @BeforeAll
    static void startApache() throws Exception {
        assumeTrue(Peers.installed("apache2") && Peers.installed("htdigest"), "apache2 is installed by scripts/test");
        peers = new Peers("apache");
        port = Peers.freePort();
        peers.write("www/digest/profile.cfg", PROFILE);
        // htdigest's file format: user:realm:MD5(user:realm:password)
        String ha1 = md5("phone:prov:s3cret");
        peers.write("digest.pw", "phone:prov:" + ha1 + "\n");
        String d = peers.dir.toString();
        peers.write("httpd.conf", String.join("\n",
                "ServerRoot /usr/lib/apache2",
                "LoadModule mpm_event_module modules/mod_mpm_event.so",
                "LoadModule authn_core_module modules/mod_authn_core.so",
                "LoadModule authn_file_module modules/mod_authn_file.so",
                "LoadModule authz_core_module modules/mod_authz_core.so",
                "LoadModule authz_user_module modules/mod_authz_user.so",
                "LoadModule auth_digest_module modules/mod_auth_digest.so",
                "LoadModule mime_module modules/mod_mime.so",
                "ServerName localhost",
                "Listen 127.0.0.1:" + port,
                "PidFile " + d + "/httpd.pid",
                "ErrorLog " + d + "/error.log",
                "CustomLog " + d + "/access.log \"%h %u %t \\\"%r\\\" %>s %b auth=[%{Authorization}i]\"",
                "LogLevel info auth_digest:debug",
                "DefaultRuntimeDir " + d,
                "Mutex file:" + d,
                Peers.root() ? "User www-data" : "",
                Peers.root() ? "Group www-data" : "",
                "TypesConfig /etc/mime.types",
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
                "</Location>", ""));
        peers.start("apache2", port, "apache2", "-f", d + "/httpd.conf", "-DFOREGROUND");
    }

    @AfterAll
    static void stopApache() {
        if (peers != null) {
            peers.close();
            peers.delete();
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

    static List<String> statuses(String query) throws InterruptedException {
        // the server writes its access log after the response: wait until the lines stop coming
        List<String> last = List.of();
        for (int i = 0; i < 40; i++) {
            List<String> now = lines(query);
            if (!now.isEmpty() && now.equals(last)) {
                return now;
            }
            last = now;
            Thread.sleep(50);
        }
        return last;
    }

    static List<String> lines(String query) {
        return peers.log("access.log").lines().filter(l -> l.contains("?" + query + " "))
                .map(l -> l.replaceAll(".*\" (\\d{3}) .*", "$1")).collect(Collectors.toList());
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
        Thread.sleep(2200); // the server's nonce lifetime is 1 s: the nonce of the first exchange is stale now
        assertEquals(PROFILE, body(phone.exchange(request("second", "s3cret"))));
        // each exchange answers a fresh challenge: no credentials up front, so no stale nonce is ever sent
        assertEquals(List.of("401", "200"), statuses("first"));
        assertEquals(List.of("401", "200"), statuses("second"));
        String log = peers.log("access.log");
        assertTrue(log.lines().filter(l -> l.contains("?second ") && l.contains(" 401 ")).allMatch(l -> l.endsWith("auth=[-]")),
                log);
    }
}
