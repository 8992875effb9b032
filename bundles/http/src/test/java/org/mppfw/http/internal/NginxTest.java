package org.mppfw.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mppfw.http.internal.Fixtures.body;
import static org.mppfw.http.internal.Fixtures.creds;
import static org.mppfw.http.internal.Fixtures.exchanger;
import static org.mppfw.http.internal.Fixtures.failure;
import static org.mppfw.http.internal.Fixtures.get;
import static org.mppfw.http.internal.Fixtures.settings;
import static org.mppfw.http.internal.Fixtures.trust;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mppfw.api.transport.AccessDomains;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.mppfw.testing.Await;
import org.mppfw.testing.Nginx;
import org.mppfw.testing.Peer;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;

/** Against a real nginx: open files, Basic, redirects, status codes, chunked, Range, 503, HTTPS, mTLS. */
class NginxTest {

    static final String PROFILE = "<flat-profile><Resync_Periodic>3600</Resync_Periodic></flat-profile>\n";

    static Scratch peers;
    static Pki pki;
    static int http;
    static int https;
    static int other;
    static byte[] big;
    static HttpExchanger phone;
    static Nginx nginx;

    @BeforeAll
    static void startNginx() throws Exception {
        Peer.require("nginx");
        Peer.require("openssl");
        Peer.require("htpasswd");
        peers = new Scratch("nginx");
        pki = Pki.create(peers);
        http = Ports.tcp();
        https = Ports.tcp();
        other = Ports.tcp();
        big = new byte[1 << 20];
        new Random(6).nextBytes(big);
        for (String d : new String[] {"open", "basic", "mtls", "chunked"}) {
            peers.write("www/" + d + "/profile.cfg", PROFILE);
        }
        peers.write("www/open/big.bin", big);
        peers.mkdirs("www/upload");
        peers.write("htpasswd", peers.run("htpasswd", "-nbB", "phone", "s3cret").trim() + "\n");
        String d = peers.dir.toString();
        nginx = Nginx.start(peers, "nginx", http, Nginx.echoModule(), ""
                + "  types { text/xml cfg; application/octet-stream bin; }\n"
                + "  default_type application/octet-stream;\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + http + "; listen 127.0.0.1:" + https + " ssl;\n"
                + "    ssl_certificate " + pki.serverCert + "; ssl_certificate_key " + pki.serverKey + ";\n"
                + "    ssl_client_certificate " + pki.ca + "; ssl_verify_client optional;\n"
                + "    root " + d + "/www;\n"
                + "    location /open/ { }\n"
                + "    location /basic/ { auth_basic \"prov\"; auth_basic_user_file " + d + "/htpasswd; }\n"
                + "    location /mtls/ { if ($ssl_client_verify != SUCCESS) { return 403; } add_header X-Client-DN $ssl_client_s_dn always; }\n"
                + "    location /chunked/ { sub_filter_types *; sub_filter '<flat-profile>' '<flat-profile>'; sub_filter_once on; }\n"
                + "    location /upload/ { dav_methods PUT; create_full_put_path on; }\n"
                + "    location = /redir302 { return 302 /open/profile.cfg; }\n"
                + "    location = /redir301 { return 301 http://127.0.0.1:" + http + "/open/profile.cfg; }\n"
                + "    location = /redir-https { return 302 https://127.0.0.1:" + https + "/open/profile.cfg; }\n"
                + "    location = /redir-loop { return 302 /redir-loop; }\n"
                + "    location = /redir-to-address { return 302 http://127.0.0.1:" + http + "/open/profile.cfg; }\n"
                + "    location = /redir-to-localhost { return 302 http://localhost:" + http + "/open/profile.cfg; }\n"
                + "    location = /redir-elsewhere { return 302 http://prov.example.net/open/profile.cfg; }\n"
                + "    location = /redir-nolocation { return 302; }\n"
                + "    location = /redir303 { return 303 /open/profile.cfg; }\n"
                + "    location = /redir307 { return 307 /open/profile.cfg; }\n"
                + "    location = /redir308 { return 308 /open/profile.cfg; }\n"
                + "    location = /busy { add_header Retry-After 30 always; return 503; }\n"
                + "    location = /ua { default_type text/plain; return 200 \"$http_user_agent\"; }\n"
                + "    location = /post { echo_read_request_body; echo -n \"$request_method $content_type $request_body\"; }\n"
                + statusLocations()
                + "  }\n"
                + "  server { listen 127.0.0.1:" + other + " ssl; ssl_certificate " + pki.otherCert + "; ssl_certificate_key "
                + pki.otherKey + "; root " + d + "/www; location / { } }\n");
        phone = exchanger(settings(trust(pki, false), null, null));
    }

    private static String statusLocations() {
        StringBuilder b = new StringBuilder();
        for (int s : new int[] {200, 202, 203, 204, 300, 304, 305, 400, 401, 402, 403, 405, 406, 407, 409, 410, 418,
            429, 451, 500, 501, 502, 503, 504, 505, 507, 511, 599}) {
            b.append("    location = /status/").append(s).append(" { return ").append(s).append("; }\n");
        }
        return b.toString();
    }

    @AfterAll
    static void stopNginx() {
        if (peers != null) {
            peers.close();
        }
    }

    static String url(String path) {
        return "http://127.0.0.1:" + http + path;
    }

    static String secure(String path) {
        return "https://127.0.0.1:" + https + path;
    }

    @Test
    void openFileIsClassAWithMetadata() throws IOException {
        try (TransportResponse r = phone.exchange(TransportRequest.get(URI.create(url("/open/profile.cfg"))))) {
            assertEquals(200, r.status());
            assertEquals(PROFILE.length(), r.contentLength());
            assertTrue(r.header("ETag").isPresent(), "ETag");
            assertTrue(r.header("last-modified").isPresent(), "Last-Modified");
            assertEquals("text/xml", r.header("Content-Type").orElseThrow());
            assertEquals(PROFILE, new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void sendsThePhonesUserAgent() throws IOException {
        assertEquals(Fixtures.UA, get(phone, url("/ua")));
    }

    @Test
    void theTransportSendsHttpUserAgentNameWithItsMacros() throws Exception {
        assertEquals(Fixtures.UA, UserAgent.expand("", Fixtures.identity()), "the default is $VERSION ($MA)");
        HttpTransport byDefault = Fixtures.transport(Map.of());
        HttpTransport configured = Fixtures.transport(Map.of("HTTP_User_Agent_Name", "$VERSION ($MA) sn=$SN"));
        try {
            body(byDefault.exchange(TransportRequest.get(URI.create(url("/open/profile.cfg?ua=default")))));
            body(configured.exchange(TransportRequest.get(URI.create(url("/open/profile.cfg?ua=configured")))));
        } finally {
            byDefault.deactivate();
            configured.deactivate();
        }
        // nginx's combined format ends with the quoted User-Agent
        assertTrue(loggedLine("ua=default").endsWith("\"Cisco-CP-8845-3PCC/12.0.1 (0011223344aa)\""),
                loggedLine("ua=default"));
        assertTrue(loggedLine("ua=configured").endsWith("\"Cisco-CP-8845-3PCC/12.0.1 (0011223344aa) sn=FCH12345678\""),
                loggedLine("ua=configured"));
    }

    private static String loggedLine(String marker) {
        return Await.value("nginx logs the request " + marker, () -> nginx.accessLog().lines()
                .filter(l -> l.contains(marker)).findFirst().orElse(null));
    }

    @Test
    void notFoundIsClassB() {
        TransportException e = failure(phone, url("/open/missing.cfg"));
        assertEquals(ResultClass.B, e.resultClass());
        assertEquals(404, e.status());
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 304, 305, 400, 402, 403, 405, 406, 409, 410, 418, 429, 451,
        500, 501, 502, 503, 504, 505, 507, 511, 599})
    void otherStatusesAreClassC(int status) {
        TransportException e = failure(phone, url("/status/" + status));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals(status, e.status());
    }

    @Test
    void noContentIsClassA() throws IOException {
        assertEquals("", get(phone, url("/status/204")));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 202, 203, 204})
    void every2xxIsClassA(int status) throws IOException {
        try (TransportResponse r = phone.exchange(TransportRequest.get(URI.create(url("/status/" + status))))) {
            assertEquals(status, r.status());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 407})
    void authenticationStatusWithoutAChallengeIsClassCWithoutRetry(int status) throws Exception {
        // nginx's bare "return 401/407" sends no WWW-/Proxy-Authenticate: there is nothing to answer
        HttpExchanger withAccount = exchanger(settings(trust(pki, false), null, creds("phone", "s3cret")));
        String path = "/status/" + status + "?nochallenge";
        TransportException e = failure(withAccount, url(path));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals(status, e.status());
        assertEquals(1, requests("GET " + path + " "), "no retry without a challenge");
    }

    /** Requests in nginx's access log containing this text, once the count stops changing. */
    static long requests(String text) throws InterruptedException {
        return requests(text, 1);
    }

    /** As {@link #requests(String)}, waiting for at least {@code atLeast} of them. */
    static long requests(String text, int atLeast) throws InterruptedException {
        return peers.settledLines("nginx-access.log", l -> l.contains(text), atLeast).size();
    }

    @Test
    void serviceUnavailableCarriesRetryAfter() {
        TransportException e = failure(phone, url("/busy"));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals(503, e.status());
        assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
    }

    @Test
    void redirects301And302AreFollowedAtOnce() throws IOException {
        try (TransportResponse r = phone.exchange(TransportRequest.get(URI.create(url("/redir302"))))) {
            assertEquals(url("/open/profile.cfg"), r.uri().toString());
            assertEquals(PROFILE, body(r));
        }
        assertEquals(PROFILE, get(phone, url("/redir301")));
    }

    @Test
    void redirectFromHttpToHttpsIsFollowed() throws IOException {
        assertEquals(PROFILE, get(phone, url("/redir-https")));
    }

    @Test
    void redirectLoopStopsAsClassC() throws InterruptedException {
        TransportException e = failure(phone, url("/redir-loop"));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals(302, e.status());
        assertTrue(e.getMessage().contains("redirects"), e.getMessage());
        // the first request and five redirects: six requests, no more
        assertEquals(6, requests("GET /redir-loop ", 6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/redir303", "/redir307", "/redir308", "/redir-nolocation"})
    void otherRedirectsAreClassC(String path) {
        TransportException e = failure(phone, url(path));
        assertEquals(ResultClass.C, e.resultClass());
    }

    @Test
    void basicWithoutCredentialsIsClassC401() {
        TransportException e = failure(phone, url("/basic/profile.cfg"));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals(401, e.status());
    }

    @Test
    void basicWithRuleCredentials() throws IOException {
        TransportRequest r = TransportRequest.builder(URI.create(url("/basic/profile.cfg")))
                .credentials(creds("phone", "s3cret")).build();
        assertEquals(PROFILE, body(phone.exchange(r)));
    }

    @Test
    void basicWithProfileAccountWhenTheRuleHasNone() throws Exception {
        HttpExchanger withAccount = exchanger(settings(trust(pki, false), null, creds("phone", "s3cret")));
        assertEquals(PROFILE, get(withAccount, url("/basic/profile.cfg")));
    }

    @Test
    void ruleCredentialsComeBeforeTheProfileAccount() throws Exception {
        HttpExchanger withAccount = exchanger(settings(trust(pki, false), null, creds("phone", "s3cret")));
        TransportRequest wrong = TransportRequest.builder(URI.create(url("/basic/profile.cfg")))
                .credentials(creds("phone", "wrong")).build();
        TransportException e = failure(withAccount, wrong);
        assertEquals(401, e.status());
        assertEquals(ResultClass.C, e.resultClass());
        assertFalse(e.getMessage().contains("wrong"), "no password in messages");
    }

    @Test
    void basicWithWrongPasswordRetriesAtMostTwice() throws InterruptedException {
        TransportRequest r = TransportRequest.builder(URI.create(url("/basic/profile.cfg?wrongpw")))
                .credentials(creds("phone", "nope")).build();
        TransportException e = failure(phone, r);
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals(401, e.status());
        // nginx logs a request after answering it: wait for the count to settle
        long requests = requests("/basic/profile.cfg?wrongpw", 2);
        assertTrue(requests >= 2 && requests <= 3, "first request plus at most two retries, was " + requests);
    }

    @Test
    void chunkedBody() throws IOException {
        try (TransportResponse r = phone.exchange(TransportRequest.get(URI.create(url("/chunked/profile.cfg"))))) {
            assertEquals("chunked", r.header("Transfer-Encoding").orElse(""));
            assertEquals(-1, r.contentLength());
            assertEquals(PROFILE, body(r));
        }
    }

    @Test
    void rangeResumesAnInterruptedDownload() throws IOException {
        int from = 700_000;
        AtomicLong lastTotal = new AtomicLong();
        TransportRequest r = TransportRequest.builder(URI.create(url("/open/big.bin"))).resumeFrom(from)
                .progress((bytes, total) -> lastTotal.set(total)).build();
        try (TransportResponse resp = phone.exchange(r); InputStream in = resp.body()) {
            assertEquals(206, resp.status());
            assertEquals("bytes " + from + "-" + (big.length - 1) + "/" + big.length,
                    resp.header("Content-Range").orElseThrow());
            assertArrayEquals(Arrays.copyOfRange(big, from, big.length), in.readAllBytes());
        }
        assertEquals(big.length, lastTotal.get());
    }

    @Test
    void maximumBodySizeIsEnforced() {
        TransportRequest r = TransportRequest.builder(URI.create(url("/open/big.bin"))).maxBytes(1000).build();
        TransportException e = failure(phone, r);
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void postWithBody() throws IOException {
        TransportRequest r = TransportRequest.builder(URI.create(url("/post"))).method("POST")
                .body("mac=0011223344aa".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded").build();
        assertEquals("POST application/x-www-form-urlencoded mac=0011223344aa", body(phone.exchange(r)));
    }

    @Test
    void putUploadsAReport() throws IOException {
        byte[] report = "<flat-profile><Resync_Periodic>3600</Resync_Periodic></flat-profile>".getBytes(StandardCharsets.UTF_8);
        TransportRequest r = TransportRequest.builder(URI.create(url("/upload/0011223344aa.xml"))).method("PUT")
                .body(report, "application/xml").build();
        try (TransportResponse resp = phone.exchange(r)) {
            assertTrue(resp.status() == 201 || resp.status() == 204, "status " + resp.status());
        }
        assertArrayEquals(report, Files.readAllBytes(peers.dir.resolve("www/upload/0011223344aa.xml")));
    }

    private static TransportRequest within(String url, String domains) {
        return TransportRequest.builder(URI.create(url)).allowedDomains(AccessDomains.parse(domains)).build();
    }

    @Test
    void aServerWithinRestrictedAccessDomainsIsUsed() throws IOException {
        assertEquals(PROFILE, body(phone.exchange(within("http://localhost:" + http + "/open/profile.cfg", "localhost"))));
        assertEquals(PROFILE, body(phone.exchange(within("https://localhost:" + https + "/open/profile.cfg",
                "voiceip.com, localhost"))));
        // a redirect within the list is followed
        assertEquals(PROFILE, body(phone.exchange(within("http://localhost:" + http + "/redir-to-localhost", "localhost"))));
    }

    @Test
    void aServerOutsideRestrictedAccessDomainsIsRefused() {
        // 127.0.0.1 serves the file (the tests above), but an address is in no domain
        TransportException e = failure(phone, within("http://127.0.0.1:" + http + "/open/profile.cfg", "localhost"));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals("host 127.0.0.1 is not in Restricted_Access_Domains (localhost): not contacted", e.getMessage());
        TransportException name = failure(phone, within("http://localhost:" + http + "/open/profile.cfg", "example.test"));
        assertTrue(name.getMessage().startsWith("host localhost is not in Restricted_Access_Domains (example.test)"),
                name.getMessage());
    }

    @Test
    void aRedirectOutsideRestrictedAccessDomainsIsRefused() {
        TransportException e = failure(phone, within("http://localhost:" + http + "/redir-to-address", "localhost"));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals("redirect to http://127.0.0.1:" + http + "/open/profile.cfg refused: host 127.0.0.1 is not in "
                + "Restricted_Access_Domains (localhost): not contacted", e.getMessage());
        TransportException other = failure(phone, within("http://localhost:" + http + "/redir-elsewhere", "localhost"));
        assertTrue(other.getMessage().contains("host prov.example.net is not in Restricted_Access_Domains"),
                other.getMessage());
    }

    @Test
    void httpsWithTheCustomCa() throws IOException {
        assertEquals(PROFILE, get(phone, secure("/open/profile.cfg")));
    }

    @Test
    void httpsWithoutTheCaIsClassC() {
        HttpExchanger builtIn = exchanger(settings(Fixtures.builtInOnly(), null, null));
        TransportException e = failure(builtIn, secure("/open/profile.cfg"));
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("not signed by a trusted CA"), e.getMessage());
    }

    @Test
    void certificateNamingAnotherHostIsRefused() {
        TransportException e = failure(phone, "https://127.0.0.1:" + other + "/open/profile.cfg");
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("TLS"), e.getMessage());
    }

    @Test
    void aServerFoundBySrvMustNameTheDomainLookedUp() throws IOException {
        String url = "https://127.0.0.1:" + other + "/open/profile.cfg";
        TransportRequest named = TransportRequest.builder(URI.create(url)).tlsName("other.example.com").build();
        assertEquals(PROFILE, body(phone.exchange(named)));
        TransportException e = failure(phone, TransportRequest.builder(URI.create(url)).tlsName("example.test").build());
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("does not name example.test (the domain looked up by DNS SRV)"), e.getMessage());
        // the target's own name is not enough either: the main server names 127.0.0.1, not the domain
        TransportException own = failure(phone,
                TransportRequest.builder(URI.create(secure("/open/profile.cfg"))).tlsName("other.example.com").build());
        assertTrue(own.getMessage().contains("does not name other.example.com"), own.getMessage());
    }

    @Test
    void mutualTlsWithTheDeviceCertificate() throws Exception {
        TransportException without = failure(phone, secure("/mtls/profile.cfg"));
        assertEquals(403, without.status());
        HttpExchanger withCert = exchanger(settings(trust(pki, true), null, null));
        try (TransportResponse r = withCert.exchange(TransportRequest.get(URI.create(secure("/mtls/profile.cfg"))))) {
            assertEquals("serialNumber=FCH12345678,CN=SEP001122334455", r.header("X-Client-DN").orElseThrow());
            assertEquals(PROFILE, body(r));
        }
    }

    @Test
    void cipherListIsHonoured() throws Exception {
        HttpSettings s = new HttpSettings(Fixtures.UA, null, null, trust(pki, false),
                "ECDHE-RSA-AES128-GCM-SHA256", Duration.ofSeconds(10));
        assertEquals(PROFILE, get(exchanger(s), secure("/open/profile.cfg")));
        HttpSettings none = new HttpSettings(Fixtures.UA, null, null, trust(pki, false),
                "ECDHE-ECDSA-AES128-GCM-SHA256", Duration.ofSeconds(10));
        TransportException e = failure(exchanger(none), secure("/open/profile.cfg"));
        assertEquals(ResultClass.C, e.resultClass(), "an RSA server shares no ECDSA-only suite");
    }

    @Test
    void connectionRefusedIsClassC() {
        TransportException e = failure(phone, "http://127.0.0.1:" + Ports.tcp() + "/x.cfg");
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
    }

    @Test
    void badUrlIsClassC() {
        assertEquals(ResultClass.C, failure(phone, "ftp://127.0.0.1/x.cfg").resultClass());
        assertEquals(ResultClass.C, failure(phone, "http:///x.cfg").resultClass());
    }

    @Test
    void unknownHostIsClassC() {
        TransportException e = failure(phone, "http://no-such-host.invalid/x.cfg");
        assertEquals(ResultClass.C, e.resultClass());
    }

    @Test
    void theShellCommandShowsTheExchangeAndFailsForClassBAndC() throws Exception {
        HttpCommand cmd = new HttpCommand(Fixtures.transport(java.util.Map.of()));
        String ok = cmd.get(url("/open/profile.cfg"));
        assertTrue(ok.contains("status: 200"), ok);
        assertTrue(ok.endsWith("result class: A"), ok);
        java.io.PrintStream console = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            IllegalStateException missing = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> cmd.get(url("/open/none.cfg")));
            assertTrue(missing.getMessage().startsWith("http:get failed (result class: B)"), missing.getMessage());
            IllegalStateException busy = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> cmd.get(url("/busy")));
            assertTrue(busy.getMessage().startsWith("http:get failed (result class: C)"), busy.getMessage());
        } finally {
            System.setOut(console);
        }
        String shown = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(shown.contains("status: 404"), shown);
        assertTrue(shown.contains("retry after: 30 s"), shown);
    }
}
