package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testing.Await;
import org.mppfw.testing.Ports;

/**
 * Cisco's admin URLs of the image running as a phone, driven with {@code curl}: nothing happens
 * without explicit credentials nor with the page's session cookie alone; {@code /admin/resync?URL}
 * applies a profile from nginx; {@code /cfg.xml} masks secrets; a pushed {@code /admin/config.xml}
 * applies all or nothing; Restricted_Access_Domains holds for the URL; wrong credentials back off;
 * query strings are not logged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminUrlsIT {

    private static final String PASSWORD = "adm-pw-9157";

    @TempDir
    static Path scratch;
    static HttpPeer nginx;
    static PhoneProcess phone;
    static String base;

    /** A curl run: the status code and the body. */
    record Answer(int status, String body) {
    }

    @BeforeAll
    static void boot() throws Exception {
        nginx = new HttpPeer(scratch.resolve("nginx"));
        Files.writeString(nginx.file("pushed.xml"), "<flat-profile>\n<GPP_B>from nginx via admin/resync</GPP_B>\n</flat-profile>\n");
        int port = Ports.tcp();
        base = "http://127.0.0.1:" + port;
        phone = WebUiIT.webPhone(scratch, port, "");
    }

    @AfterAll
    static void halt() throws Exception {
        if (phone != null) {
            phone.close();
        }
        if (nginx != null) {
            nginx.close();
        }
    }

    static Answer curl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "-g", "-w", "\n%{http_code}"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        int nl = out.lastIndexOf('\n');
        return new Answer(Integer.parseInt(out.substring(nl + 1).trim()), out.substring(0, nl));
    }

    private static String param(String name) throws IOException, InterruptedException {
        return phone.run("param:get " + name).trim();
    }

    private static boolean paramContains(String name, String text) {
        try {
            return param(name).contains(text);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    @Order(1)
    void withoutCredentialsOrWithTheSessionCookieAloneNothingHappens() throws Exception {
        String url = base + "/admin/resync?" + nginx.url("pushed.xml");
        Answer none = curl(url);
        assertEquals(401, none.status(), none.body());
        Answer login = curl("-D", "-", "-o", "/dev/null", "-d", "user=admin&password=", base + "/login");
        String cookie = login.body().lines().filter(l -> l.regionMatches(true, 0, "Set-Cookie: ", 0, 12))
                .map(l -> l.substring(12).split(";")[0]).findFirst().orElseThrow(() -> new AssertionError(login.body()));
        Answer withCookie = curl("-H", "Cookie: " + cookie, url);
        assertEquals(401, withCookie.status(), withCookie.body());
        Answer crossSite = curl("-H", "Sec-Fetch-Site: cross-site", url + "&xuser=admin&xpassword=");
        assertEquals(403, crossSite.status(), crossSite.body());
        assertFalse(nginx.accessLog().contains("pushed.xml"), nginx.accessLog());
    }

    @Test
    @Order(2)
    void resyncFromAUrlAppliesTheProfile() throws Exception {
        Answer a = curl(base + "/admin/resync?" + nginx.url("pushed.xml") + "&xuser=admin&xpassword=");
        assertEquals(200, a.status(), a.body());
        Await.until("the pushed profile applied", () -> paramContains("GPP_B", "from nginx via admin/resync"));
        assertTrue(nginx.accessLog().contains("GET /pushed.xml"), nginx.accessLog());
    }

    @Test
    @Order(3)
    void restrictedAccessDomainsApplyToTheUrl() throws Exception {
        Files.writeString(nginx.file("elsewhere.xml"), "<flat-profile><GPP_C>not allowed</GPP_C></flat-profile>\n");
        phone.run("param:set Restricted_Access_Domains example.com");
        Answer a = curl(base + "/admin/resync?" + nginx.url("elsewhere.xml") + "&xuser=admin&xpassword=");
        assertEquals(200, a.status(), a.body());
        Await.until("the attempt recorded", () -> {
            try {
                return phone.run("prov:history").contains("elsewhere.xml");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        assertFalse(nginx.accessLog().contains("elsewhere.xml"), "a server outside the list is not contacted");
        assertFalse(param("GPP_C").contains("not allowed"));
        phone.run("param:set Restricted_Access_Domains \"\"");
    }

    @Test
    @Order(4)
    void cfgXmlMasksSecrets() throws Exception {
        phone.run("param:set Admin_Password " + PASSWORD);
        Answer a = curl("-u", "admin:" + PASSWORD, base + "/cfg.xml");
        assertEquals(200, a.status(), a.body());
        assertTrue(a.body().contains("<Admin_Password ua=\"na\">************</Admin_Password>"), a.body());
        assertTrue(a.body().contains("from nginx via admin/resync"), "the export holds the values");
        assertFalse(a.body().contains(PASSWORD));
    }

    @Test
    @Order(5)
    void aPushedConfigIsAppliedAllOrNothing() throws Exception {
        String push = base + "/admin/config.xml&xuser=admin&xpassword=" + PASSWORD;
        Path bad = scratch.resolve("bad.xml");
        Files.writeString(bad, "<flat-profile><Station_Name>pushed-desk</Station_Name>"
                + "<Resync_Periodic>soon</Resync_Periodic></flat-profile>");
        String before = param("Station_Name");
        Answer refused = curl("--data-binary", "@" + bad, "-H", "Content-Type: application/xml", push);
        assertEquals(400, refused.status(), refused.body());
        assertEquals(before, param("Station_Name"), "an invalid value changes nothing");
        Path good = scratch.resolve("good.xml");
        Files.writeString(good, "<flat-profile><Station_Name>pushed-desk</Station_Name>"
                + "<Admin_Password>************</Admin_Password></flat-profile>");
        Answer applied = curl("--data-binary", "@" + good, "-H", "Content-Type: application/xml", push);
        assertEquals(200, applied.status(), applied.body());
        assertTrue(param("Station_Name").contains("pushed-desk"));
        assertEquals(200, curl("-u", "admin:" + PASSWORD, base + "/cfg.xml").status(), "the mask kept the password");
    }

    @Test
    @Order(6)
    void digestAuthenticationWithCurlAndAReplayedNonceRefused() throws Exception {
        Answer wrong = curl("-D", "-", "--digest", "-u", "admin:not-" + PASSWORD, base + "/cfg.xml");
        assertEquals(401, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("WWW-Authenticate: Digest realm=\"mppfw admin\", qop=\"auth\""), wrong.body());
        assertTrue(wrong.body().contains("algorithm=SHA-256"), wrong.body());
        assertTrue(wrong.body().contains("algorithm=MD5"), wrong.body());
        assertTrue(wrong.body().contains("WWW-Authenticate: Basic realm=\"mppfw admin\""), wrong.body());

        Answer ok = curl("-v", "--digest", "-u", "admin:" + PASSWORD, base + "/cfg.xml");
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.body().contains("<Admin_Password ua=\"na\">************</Admin_Password>"));
        String sent = ok.body().lines().filter(l -> l.startsWith("> Authorization: Digest ")).findFirst()
                .orElseThrow(() -> new AssertionError(ok.body())).substring(2);
        assertTrue(sent.contains("qop=auth") && sent.contains("nc=00000001"), sent);
        Answer replay = curl("-D", "-", "-H", sent, base + "/cfg.xml");
        assertEquals(401, replay.status(), "the same nonce and nc again: " + replay.body());
        assertTrue(replay.body().contains("stale=true"), replay.body());
        assertFalse(replay.body().contains("<flat-profile"));

        for (String algorithm : List.of("MD5", "SHA-256")) {
            String header = curl("-sS", "-D", "-", "-o", "/dev/null", base + "/cfg.xml").body().lines()
                    .filter(l -> l.startsWith("WWW-Authenticate: Digest") && l.contains("algorithm=" + algorithm))
                    .findFirst().orElseThrow();
            assertTrue(header.contains("nonce="), header);
        }
        assertFalse(phone.log().contains(PASSWORD), "no password in the log");
    }

    @Test
    @Order(7)
    void enableWebAdminAccessNoRefusesTheAdminAtOnce() throws Exception {
        Answer login = curl("-D", "-", "-o", "/dev/null", "-d", "user=admin&password=" + PASSWORD, base + "/login");
        assertEquals(302, login.status(), login.body());
        String cookie = login.body().lines().filter(l -> l.regionMatches(true, 0, "Set-Cookie: ", 0, 12))
                .map(l -> l.substring(12).split(";")[0]).findFirst().orElseThrow(() -> new AssertionError(login.body()));
        assertEquals(200, curl("-H", "Cookie: " + cookie, base + "/status").status());
        assertEquals(200, curl("-u", "admin:" + PASSWORD, base + "/cfg.xml").status());

        phone.run("param:set Enable_Web_Admin_Access No");
        assertEquals(302, curl("-H", "Cookie: " + cookie, base + "/status").status(), "the admin session ended");
        assertEquals(403, curl("-d", "user=admin&password=" + PASSWORD, base + "/login").status(), "no admin login");
        assertEquals(401, curl("-u", "admin:" + PASSWORD, base + "/cfg.xml").status(), "no admin URL"); // 2 failures: no wait yet

        phone.run("param:set Enable_Web_Admin_Access Yes");
        assertEquals(200, curl("-u", "admin:" + PASSWORD, base + "/cfg.xml").status(), "back at once; clears the failures");
    }

    @Test
    @Order(8)
    void wrongCredentialsBackOffAndQueryStringsAreNotLogged() throws Exception {
        String resync = base + "/admin/resync?xuser=admin&xpassword=";
        assertEquals(401, curl(resync + "wrong-1").status());
        assertEquals(401, curl(resync + "wrong-2").status());
        assertEquals(401, curl(resync + "wrong-3").status());
        Answer blocked = curl(resync + PASSWORD);
        assertEquals(429, blocked.status(), blocked.body());
        assertFalse(phone.log().contains(PASSWORD), "no password in the log");
        assertFalse(phone.log().contains("wrong-1"), "no query string in the log");
        assertFalse(phone.log().contains("pushed.xml&"), "no query string in the log");
    }
}
