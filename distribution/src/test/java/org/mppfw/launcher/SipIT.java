package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testing.Await;
import org.mppfw.testing.Commands;
import org.mppfw.testing.Kamailio;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.Sipp;
import org.mppfw.testing.Sipsak;

/**
 * The SIP line of the real image, end to end: a profile from nginx configures line 1, the phone
 * registers with Kamailio (seen in Kamailio's location table); a check-sync NOTIFY relayed by
 * Kamailio makes it resync, one with wrong credentials does nothing; during a call (SIPp through
 * Kamailio) a periodic resync and an upgrade wait, and both go ahead after the phone's BYE; the
 * SIP bundle unregisters when it stops (as an upgrade's swap stops it) and registers again when it
 * starts; the phone unregisters when it stops.
 */
class SipIT {

    static final String SECRET = "line-secret-7e21";

    @TempDir
    Path scratch;

    @Test
    void registerNotifyAndTheIdleGate() throws Exception {
        try (Scratch peers = new Scratch("sip-it"); HttpPeer http = new HttpPeer(scratch.resolve("nginx"))) {
            Kamailio kamailio = Kamailio.start(peers, Ports.udpAndTcp(), Map.of("1001", SECRET));
            int sipPort = Ports.udpAndTcp();
            int webPort = Ports.tcp();
            String profileUrl = http.url("profile.xml");
            Files.writeString(http.file("profile.xml"), lineProfile(profileUrl, kamailio.port, sipPort, SECRET,
                    "<GPP_A>first</GPP_A>\n<Enable_Protocol>Http</Enable_Protocol>\n<Web_Server_Port>" + webPort
                    + "</Web_Server_Port>\n"));
            Path data = scratch.resolve("data");
            try (PhoneProcess phone = PhoneProcess.start(UpgradeIT.IMAGE, data, scratch.resolve("phone.log"),
                    UpgradeIT.OPTS)) {
                resyncAndRegister(phone, data, profileUrl, kamailio, sipPort);
                assertTrue(kamailio.locations().contains("Cisco-CP-8845-3PCC/"), kamailio.locations());
                String status = phone.run("sip:status");
                assertTrue(status.contains("ext 1: registered with 127.0.0.1:" + kamailio.port), status);
                String base = "http://127.0.0.1:" + webPort;
                Await.until("the web server on port " + webPort, Duration.ofSeconds(60), () -> WebUiIT.status(webPort) == 200);
                String page = WebSessionUpdateIT.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/status"))
                        .header("Cookie", WebSessionUpdateIT.login(base)).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(page.contains("<tr><td>Ext 1</td><td>Registered</td>"), "Info > Status shows the line: " + page);
                assertFalse(page.contains(SECRET), "no secret on the page");

                // a check-sync relayed by Kamailio, with the line's credentials: the configured rule runs
                Files.writeString(http.file("profile.xml"), Files.readString(http.file("profile.xml"))
                        .replace("<GPP_A>first</GPP_A>", "<GPP_A>after check-sync</GPP_A>"
                                // from now on a periodic resync every 20 s: one falls due during the call
                                + "<Resync_Periodic>20</Resync_Periodic>"));
                Commands.Result ok = Sipsak.send(peers, Sipsak.notify("1001", kamailio.port, "check-sync"), "1001",
                        kamailio.port, "1001", SECRET);
                assertEquals(0, ok.exit(), ok.out());
                Await.until("the resync the NOTIFY asked for", Duration.ofSeconds(60),
                        () -> run(phone, "param:get GPP_A").contains("after check-sync"));

                // wrong credentials: answered, logged, nothing done
                Commands.Result wrong = Sipsak.send(peers, Sipsak.notify("1001", kamailio.port, "reboot_now"), "1001",
                        kamailio.port, "1001", "not-" + SECRET);
                assertTrue(wrong.exit() != 0, wrong.out());
                phone.awaitLog("401 (wrong credentials, challenged again), nothing done", 30);
                assertTrue(phone.alive());

                // a call: the periodic resync and an upgrade wait for its end
                Sipp call = Sipp.call(peers, "call-phone-hangs-up.xml", "1001", kamailio.port);
                Await.until("the phone to ring", Duration.ofSeconds(30), () -> run(phone, "sip:status").contains("ringing"));
                assertTrue(phone.run("sip:answer").contains("connected"));
                Await.until("the periodic resync to wait for idle", Duration.ofSeconds(90),
                        () -> run(phone, "prov:status").contains("waiting for idle"));
                int fetched = count(http.accessLog(), "GET /profile.xml");
                String image = http.url("sip8845." + UpgradeIT.V2 + ".loads");
                assertTrue(phone.run("fw:upgrade " + image).contains("started"));
                Await.until("the upgrade to wait for idle", Duration.ofSeconds(60),
                        () -> run(phone, "fw:status").contains("waiting for idle"));
                assertEquals(fetched, count(http.accessLog(), "GET /profile.xml"), "no resync during the call");
                assertFalse(http.accessLog().contains(".loads"), "no download during the call");

                assertTrue(phone.run("sip:hangup").contains("ended"));
                assertEquals(0, call.exit(), call.log());
                Await.until("the resync after the call", Duration.ofSeconds(60),
                        () -> count(http.accessLog(), "GET /profile.xml") > fetched);
                Await.until("the upgrade's download after the call", Duration.ofSeconds(60),
                        () -> http.accessLog().contains("sip8845." + UpgradeIT.V2 + ".loads"));

                // the SIP bundle stopped (as an upgrade's swap stops it) unregisters; started, registers again
                String id = phone.run("lb").lines().filter(l -> l.contains("mppfw :: sip ")).findFirst().orElseThrow()
                        .split("\\|")[0].trim();
                phone.run("stop " + id);
                Await.until("the line to unregister", () -> !kamailio.locations().contains("sip:1001@"));
                String started = phone.run("start " + id);
                Await.value("the line to register again", Duration.ofSeconds(60),
                        () -> kamailio.locations().contains("sip:1001@127.0.0.1:" + sipPort) ? Boolean.TRUE : null,
                        () -> started + "\n" + run(phone, "sip:status") + "\n" + run(phone, "lb") + "\n" + phone.logForMessage());
                assertFalse(phone.log().contains(SECRET), "the line's password is never logged");
            }
            Await.until("the phone to unregister as it stops", () -> !kamailio.locations().contains("sip:1001@"));
        }
    }

    private static String run(PhoneProcess phone, String command) {
        try {
            return phone.run(command);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static int count(String text, String what) {
        return (int) text.lines().filter(l -> l.contains(what)).count();
    }

    /**
     * A profile that configures line 1 as user 1001 at Kamailio on {@code sipPort}, with
     * {@code Profile_Rule} itself and no random resync delay, plus {@code more} elements.
     */
    static String lineProfile(String profileUrl, int kamailioPort, int sipPort, String secret, String more) {
        return "<flat-profile>\n" + more
                + "<Profile_Rule>" + profileUrl + "</Profile_Rule>\n<Resync_Random_Delay>0</Resync_Random_Delay>\n"
                + "<Proxy_1_>127.0.0.1:" + kamailioPort + "</Proxy_1_>\n<User_ID_1_>1001</User_ID_1_>\n"
                + "<Password_1_>" + secret + "</Password_1_>\n<SIP_Port_1_>" + sipPort + "</SIP_Port_1_>\n"
                + "</flat-profile>\n";
    }

    /** Once the phone has settled: resyncs the line's profile and waits until Kamailio has the line's contact. */
    static void resyncAndRegister(PhoneProcess phone, Path data, String profileUrl, Kamailio kamailio, int sipPort)
            throws Exception {
        phone.awaitSettled(data);
        phone.awaitIdle();
        phone.run("prov:resync " + profileUrl);
        Await.until("the phone to register with Kamailio", Duration.ofSeconds(60),
                () -> kamailio.locations().contains("sip:1001@127.0.0.1:" + sipPort));
    }
}
