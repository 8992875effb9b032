package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testing.Await;
import org.mppfw.testing.Ports;

/**
 * A web session ends when the web bundle is updated (as a swap by an upgrade updates it): the
 * image runs as a phone, the admin logs in from loopback, the web bundle is updated from the
 * shell, and the session cookie that opened the Status page before leads to the login page after,
 * while a new login works.
 */
class WebSessionUpdateIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
            Await.until("the web server", () -> code(base + "/login", null) == 200);
            String cookie = login(base);
            assertEquals(200, code(base + "/status", cookie), "the session opens the Status page");

            String id = webBundleId(phone.run("lb -s"));
            String updated = phone.run("update " + id);
            assertTrue(!updated.contains("Exception") && !updated.contains("CommandNotFound"), "update " + id + ": " + updated);
            Await.until("the web server after the update", () -> code(base + "/login", null) == 200);
            assertEquals(302, code(base + "/status", cookie), "the old session leads to the login page");
            assertEquals(200, code(base + "/status", login(base)), "a new login works");
        }
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
    private static String login(String base) throws IOException, InterruptedException {
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
