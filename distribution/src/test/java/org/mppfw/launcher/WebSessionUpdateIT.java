package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testing.Await;
import org.mppfw.testing.Ports;

/**
 * A web session ends when the web bundle is updated: the image runs as a phone, the admin logs in
 * from loopback, the web bundle is updated from the shell, or swapped in place by a real signed
 * upgrade image (made with the project's tools, served by nginx) that replaces it; the session
 * cookie that opened the Status page before leads to the login page after (not an error page), a
 * form submitted with the old CSRF token is refused and changes nothing, and a new login works.
 */
class WebSessionUpdateIT {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path scratch;

    @Test
    void aSessionCookieStopsWorkingWhenTheWebBundleIsUpdated() throws Exception {
        int port = Ports.tcp();
        String base = "http://127.0.0.1:" + port;
        Path data = scratch.resolve("data");
        PhoneProcess.batch(UpgradeIT.IMAGE, data, "", "param:set Enable_Protocol Http; param:set Web_Server_Port " + port);
        try (PhoneProcess phone = PhoneProcess.start(UpgradeIT.IMAGE, data, scratch.resolve("phone.log"), UpgradeIT.OPTS)) {
            phone.awaitSettled(data);
            awaitLoginPage(phone, base, "the web server");
            String cookie = login(base);
            assertEquals(200, code(base + "/status", cookie), "the session opens the Status page");

            String id = webBundleId(phone.run("lb -s"));
            String updated = phone.run("update " + id);
            assertTrue(!updated.contains("Exception") && !updated.contains("CommandNotFound"), "update " + id + ": " + updated);
            awaitLoginPage(phone, base, "the web server after the update");
            assertEquals(302, code(base + "/status", cookie), "the old session leads to the login page");
            assertEquals(200, code(base + "/status", login(base)), "a new login works");
        }
    }

    @Test
    void anUpgradeThatSwapsTheWebBundleEndsItsSessionsCleanly() throws Exception {
        Path v2 = new TestImages(UpgradeIT.IMAGE, UpgradeIT.KEY, scratch.resolve("images")).draft("web")
                .change("mppfw-webui.jar", "web2").build(UpgradeIT.V2, scratch.resolve("out/web.loads"));
        int port = Ports.tcp();
        String base = "http://127.0.0.1:" + port;
        Path data = scratch.resolve("data");
        PhoneProcess.batch(UpgradeIT.IMAGE, data, "", "param:set Enable_Protocol Http; param:set Web_Server_Port " + port
                + "; param:set Station_Name before");
        try (HttpPeer http = new HttpPeer(scratch.resolve("nginx"));
                PhoneProcess phone = PhoneProcess.start(UpgradeIT.IMAGE, data, scratch.resolve("phone.log"), UpgradeIT.OPTS)) {
            Files.copy(v2, http.file("web.loads"));
            phone.awaitSettled(data);
            awaitLoginPage(phone, base, "the web server");
            String cookie = login(base);
            String page = get(base + "/voice?tab=Phone", cookie);
            Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
            assertTrue(m.find(), "the Phone tab has a CSRF token: " + page);
            String csrf = m.group(1);
            String oldWeb = UpgradeIT.versionOf(UpgradeIT.bundles(phone.run("lb -s")), "org.mppfw.webui");

            assertTrue(phone.run("fw:upgrade " + http.url("web.loads")).contains("started"));
            UpgradeIT.awaitStatus(phone, "active a (" + UpgradeIT.V2 + ")", 120);
            UpgradeIT.awaitStatus(phone, "upgrade   idle", 60);
            String newWeb = UpgradeIT.versionOf(UpgradeIT.bundles(phone.run("lb -s")), "org.mppfw.webui");
            assertTrue(newWeb.endsWith("web2") && !newWeb.equals(oldWeb), oldWeb + " -> " + newWeb);
            awaitLoginPage(phone, base, "the web server after the swap");

            HttpResponse<String> old = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/status"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, old.statusCode(), "the old session is sent to the login page: " + old.body());
            assertEquals("/login", URI.create(base).resolve(old.headers().firstValue("Location").orElseThrow()).getPath());
            assertTrue(get(base + "/login", cookie).contains("name=\"password\""), "the login page, not an error");

            assertEquals(302, submit(base, cookie, csrf), "the old session's form leads to the login page");
            String fresh = login(base);
            assertEquals(403, submit(base, fresh, csrf), "the old CSRF token is refused in a new session");
            assertEquals("before", phone.run("param:get Station_Name").trim(), "neither form changed anything");
            assertEquals(200, code(base + "/status", fresh), "a new login works");
        }
    }

    /**
     * POSTs the Phone tab with Station_Name changed, the session's cookie and a CSRF token, on a
     * connection of its own: a refused form is answered without its body being read, and Jetty may
     * then close the connection after the answer (when the body had not all arrived, as on a loaded
     * machine), which a client reusing it for the next POST would see as an empty answer.
     */
    private static int submit(String base, String cookie, String csrf) throws IOException, InterruptedException {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create(base + "/voice?tab=Phone"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)
                        + "&Station_Name=after")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Waits until the login page answers 200: a boot on a loaded machine (a CI run beside it) takes
     * longer than the usual 30 s, so the wait is that of an upgrade; a failure shows the phone's log.
     */
    private static void awaitLoginPage(PhoneProcess phone, String base, String what) {
        Await.value(what, Duration.ofSeconds(120), () -> code(base + "/login", null) == 200 ? Boolean.TRUE : null, () -> {
            try {
                return phone.log();
            } catch (IOException e) {
                return e.toString();
            }
        });
    }

    /** The body of a GET that answers 200. */
    private static String get(String url, String cookie) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return r.body();
    }

    /** The id of the web bundle in {@code lb -s}'s listing. */
    private static String webBundleId(String listing) {
        for (String line : listing.split("\n")) {
            if (line.contains("|org.mppfw.webui ")) {
                return line.substring(0, line.indexOf('|')).trim();
            }
        }
        throw new AssertionError("no web bundle in:\n" + listing);
    }

    /** Logs the admin in from loopback (no password set) and returns the session cookie. */
    /** Logs in as the admin (no password set: loopback only) and returns the session cookie. */
    static String login(String base) throws IOException, InterruptedException {
        HttpResponse<Void> in = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=admin&password=")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(302, in.statusCode());
        String cookie = in.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("mppfw-session="), cookie);
        return cookie.substring(0, cookie.indexOf(';'));
    }

    /** The status of a GET with a cookie (or none); 0 when nothing answers. */
    private static int code(String url, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
