package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testing.Await;
import org.mppfw.testing.Commands;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;

/**
 * The admin pages refuse a client that is not on loopback until Admin_Password is set. The image
 * runs as a phone with its web server on every address (as a phone listens on its network
 * address); a second host is a network namespace on the other end of a veth pair, and logs in
 * with curl: the admin login is refused from there with an empty password (and accepted from
 * loopback), the user login works, and once Admin_Password is set the admin logs in from there
 * with it.
 */
class WebLoopbackIT {

    @TempDir
    Path scratch;

    @Test
    void theAdminLoginAnswersOnlyOnLoopbackUntilAPasswordIsSet() throws Exception {
        long id = ProcessHandle.current().pid() % 100_000;
        String ns = "mppfw-iwc-" + id;
        String phoneEnd = "mwl" + id + "a";
        String clientEnd = "mwl" + id + "b";
        String net = "10.236." + (id % 250) + ".";
        int port = Ports.tcp();
        Path data = scratch.resolve("data");
        PhoneProcess.batch(UpgradeIT.IMAGE, data, "", "param:set Enable_Protocol Http; param:set Web_Server_Port " + port);
        try (Scratch peers = new Scratch("web-loopback-it");
                PhoneProcess phone = PhoneProcess.start(UpgradeIT.IMAGE, data, scratch.resolve("phone.log"), UpgradeIT.OPTS)) {
            peers.namespace(ns);
            // the phone's end stays in this host's namespace (deleting the namespace deletes the pair)
            Commands.ok(null, "ip", "link", "add", phoneEnd, "type", "veth", "peer", "name", clientEnd);
            Commands.ok(null, "ip", "link", "set", clientEnd, "netns", ns);
            Commands.ok(null, "ip", "addr", "add", net + "1/24", "dev", phoneEnd);
            Commands.ok(null, "ip", "link", "set", phoneEnd, "up");
            Commands.ok(null, "ip", "-n", ns, "addr", "add", net + "2/24", "dev", clientEnd);
            Commands.ok(null, "ip", "-n", ns, "link", "set", clientEnd, "up");
            phone.awaitSettled(data);
            Await.until("the web server on loopback", () -> status("http://127.0.0.1:" + port + "/login") == 200);
            String remote = "http://" + net + "1:" + port;
            Await.until("the web server from the namespace", () -> curl(ns, peers, "jar0", remote + "/login", null)
                    .startsWith("HTTP/1.1 200"));

            assertTrue(curl(null, peers, "local", "http://127.0.0.1:" + port + "/login", "user=admin&password=")
                    .startsWith("HTTP/1.1 302"), "the admin logs in from loopback with the empty password");

            String page = curl(ns, peers, "jar1", remote + "/login", null);
            assertTrue(page.contains("You are not on loopback: only the user login works."), page);
            String refused = curl(ns, peers, "jar1", remote + "/login", "user=admin&password=");
            assertTrue(refused.startsWith("HTTP/1.1 403") && refused.contains("Wrong user name or password."), refused);
            assertTrue(!refused.contains("mppfw-session="), "no session cookie: " + refused);

            String user = curl(ns, peers, "jar2", remote + "/login", "user=user&password=");
            assertTrue(user.startsWith("HTTP/1.1 302") && user.contains("mppfw-session="), "the user logs in: " + user);
            String status = curl(ns, peers, "jar2", remote + "/status", null);
            assertTrue(status.startsWith("HTTP/1.1 200") && status.contains("Product Information"), status);
            assertTrue(!status.contains("id=\"resync\""), "the user has no admin buttons");

            phone.run("param:set Admin_Password r3mote-Admin");
            String stillEmpty = curl(ns, peers, "jar3", remote + "/login", "user=admin&password=");
            assertTrue(stillEmpty.startsWith("HTTP/1.1 403") && stillEmpty.contains("Wrong user name or password."), stillEmpty);
            String admin = curl(ns, peers, "jar3", remote + "/login", "user=admin&password=r3mote-Admin");
            assertTrue(admin.startsWith("HTTP/1.1 302") && admin.contains("mppfw-session="), "the admin logs in: " + admin);
            String adminStatus = curl(ns, peers, "jar3", remote + "/status", null);
            assertTrue(adminStatus.contains("id=\"resync\""), "the admin's Status page: " + adminStatus);
            assertEquals(false, phone.log().contains("r3mote-Admin"), "the password is not logged");
        }
    }

    /**
     * One request with curl, in namespace {@code ns} (null: this host's), with a cookie jar of the
     * scratch folder; a POST of {@code form} when it is not null. Returns the headers and the body.
     */
    private static String curl(String ns, Scratch peers, String jar, String url, String form) {
        java.util.List<String> cmd = new java.util.ArrayList<>();
        if (ns != null) {
            cmd.addAll(java.util.List.of("ip", "netns", "exec", ns));
        }
        String cookies = peers.file(jar + ".cookies").toString();
        cmd.addAll(java.util.List.of("curl", "-s", "-i", "--max-time", "10", "-c", cookies, "-b", cookies));
        if (form != null) {
            cmd.addAll(java.util.List.of("--data", form));
        }
        cmd.add(url);
        return Commands.run(null, cmd.toArray(String[]::new)).out();
    }

    /** The HTTP status of a URL from this host, 0 when nothing listens there. */
    private static int status(String url) {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (ConnectException e) {
            return 0;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
