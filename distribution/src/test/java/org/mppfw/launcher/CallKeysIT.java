package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testing.Await;
import org.mppfw.testing.Kamailio;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.Sipp;

/**
 * Calls answered and ended from the keypad, on the real image: SIPp calls line 1 through
 * Kamailio; the LCD shows the ringing screen with the caller; the Answer soft key answers (SIPp
 * gets 200 and ACKs); the LCD shows the call; End call sends BYE (SIPp answers it); the LCD is
 * back on the idle screen. A second call is declined with the Decline soft key: SIPp gets 603.
 */
class CallKeysIT {

    static final String SECRET = "line-secret-5c02";

    @TempDir
    Path scratch;

    @Test
    void answerEndAndDeclineFromTheKeypad() throws Exception {
        try (Scratch peers = new Scratch("call-keys-it"); HttpPeer http = new HttpPeer(scratch.resolve("nginx"))) {
            Kamailio kamailio = Kamailio.start(peers, Ports.udpAndTcp(), Map.of("1001", SECRET));
            int sipPort = Ports.udpAndTcp();
            String profileUrl = http.url("profile.xml");
            Files.writeString(http.file("profile.xml"), SipIT.lineProfile(profileUrl, kamailio.port, sipPort, SECRET, ""));
            Path data = scratch.resolve("data");
            try (PhoneProcess phone = PhoneProcess.start(UpgradeIT.IMAGE, data, scratch.resolve("phone.log"),
                    UpgradeIT.OPTS)) {
                SipIT.resyncAndRegister(phone, data, profileUrl, kamailio, sipPort);
                Await.until("the idle screen", Duration.ofSeconds(30), () -> run(phone, "lcd:show").contains("Resync"));

                Sipp call = Sipp.call(peers, "call-phone-hangs-up.xml", "1001", kamailio.port);
                String ringing = Await.value("the ringing screen", Duration.ofSeconds(30),
                        () -> lcdWith(phone, "Incoming call"), () -> run(phone, "lcd:show"));
                assertTrue(ringing.contains("Caller") && ringing.contains("2000") && ringing.contains("Line 1"), ringing);
                assertTrue(ringing.contains("Answer") && ringing.contains("Decline"), ringing);
                phone.run("key:press soft1");
                String connected = Await.value("the connected screen", Duration.ofSeconds(30),
                        () -> lcdWith(phone, "Connected"), () -> run(phone, "lcd:show"));
                assertTrue(connected.contains("2000") && connected.contains("End call"), connected);
                assertTrue(run(phone, "sip:status").contains("ext 1: connected with sip:2000@"));
                phone.run("key:press soft1");
                assertEquals(0, call.exit(), "SIPp got 200, ACKed and got the phone's BYE: " + call.log());
                Await.until("the idle screen after the call", Duration.ofSeconds(30),
                        () -> run(phone, "lcd:show").contains("Resync"));
                assertTrue(run(phone, "sip:status").strip().endsWith("idle: no call"), run(phone, "sip:status"));

                Sipp declined = Sipp.call(peers, "call-declined.xml", "1001", kamailio.port);
                Await.value("the ringing screen", Duration.ofSeconds(30),
                        () -> lcdWith(phone, "Incoming call"), () -> run(phone, "lcd:show"));
                phone.run("key:press soft2");
                assertEquals(0, declined.exit(), "SIPp got 603 Decline: " + declined.log());
                Await.until("the idle screen after the decline", Duration.ofSeconds(30),
                        () -> run(phone, "lcd:show").contains("Resync"));
                assertFalse(phone.log().contains(SECRET), "the line's password is never logged");
            }
        }
    }

    private static String lcdWith(PhoneProcess phone, String text) {
        String lcd = run(phone, "lcd:show");
        return lcd.contains(text) ? lcd : null;
    }

    private static String run(PhoneProcess phone, String command) {
        try {
            return phone.run(command);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
