package org.mppfw.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.line.LineRegistration.Status;
import org.mppfw.testing.Await;
import org.mppfw.testing.Kamailio;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;

/**
 * The phone's lines register with a real Kamailio that challenges every REGISTER with digest:
 * each extension on its own SIP port, over UDP and TCP; refreshed before expiry; registered again
 * when a parameter changes; unregistered when the lines stop. Kamailio's own location table
 * ({@code kamcmd ul.dump}) is the proof.
 */
class KamailioRegistrationTest {

    @TempDir
    Path data;
    Scratch scratch;
    Kamailio kamailio;
    TestPhone phone;
    int port1;
    int port2;

    @BeforeEach
    void start() throws Exception {
        scratch = new Scratch("sip-kamailio");
        kamailio = Kamailio.start(scratch, Ports.udpAndTcp(), Map.of("1001", "s3cret", "1002", "tcp-pass"));
        phone = new TestPhone(data);
        port1 = Ports.udpAndTcp();
        port2 = Ports.udpAndTcp();
    }

    @AfterEach
    void stop() {
        phone.close();
        scratch.close();
    }

    @Test
    void linesRegisterOnTheirOwnPortsOverUdpAndTcpAndUnregisterAtStop() throws Exception {
        phone.line(1, kamailio.port, "1001", "s3cret", port1, "UDP");
        phone.line(2, kamailio.port, "1002", "tcp-pass", port2, "TCP");
        phone.phone.apply();
        phone.await(1, Status.REGISTERED);
        phone.await(2, Status.REGISTERED);

        String table = kamailio.locations();
        assertTrue(table.contains("sip:1001@127.0.0.1:" + port1), table);
        assertTrue(table.contains("sip:1002@127.0.0.1:" + port2 + ";transport=tcp"), table);
        // SIP_User_Agent_Name's default $VERSION, in Cisco's form
        assertTrue(table.contains("Cisco-CP-8845-3PCC/"), table);
        assertEquals(Status.DISABLED, phone.registration(3).status());

        phone.phone.stop();
        Await.until("Kamailio to forget both contacts", () -> !kamailio.locations().contains("sip:100"));
        assertEquals(Status.DISABLED, phone.registration(1).status());
    }

    @Test
    void aRegistrationIsRefreshedBeforeItExpires() throws Exception {
        phone.line(1, kamailio.port, "1001", "s3cret", port1, "UDP");
        phone.set("Register_Expires_1_", "120");
        phone.phone.apply();
        phone.await(1, Status.REGISTERED);
        long before = registers();
        assertTrue(phone.clock.nextDeadline() != null);
        // 7/8 of the granted 120 s
        phone.clock.advance(Duration.ofSeconds(105));
        Await.until("a second REGISTER to reach Kamailio", () -> registers() > before);
        phone.await(1, Status.REGISTERED);
        assertTrue(kamailio.locations().contains("sip:1001@127.0.0.1:" + port1));
    }

    @Test
    void aChangedParameterRegistersAgainAndWrongCredentialsFail() throws Exception {
        phone.line(1, kamailio.port, "1001", "s3cret", port1, "UDP");
        phone.phone.apply();
        phone.await(1, Status.REGISTERED);

        phone.set("Password_1_", "wrong");
        phone.phone.apply();
        phone.await(1, Status.FAILED);
        assertTrue(phone.registration(1).detail().startsWith("401"), phone.registration(1).detail());
        assertFalse(phone.registration(1).detail().contains("wrong"));
        // the old registration was taken back before the new one was tried
        assertFalse(kamailio.locations().contains("sip:1001@"), kamailio.locations());

        phone.set("Password_1_", "s3cret");
        phone.set("SIP_Port_1_", Integer.toString(port2));
        phone.phone.apply();
        phone.await(1, Status.REGISTERED);
        assertTrue(kamailio.locations().contains("sip:1001@127.0.0.1:" + port2), kamailio.locations());
    }

    @Test
    void aFailedRegistrationIsRetriedAfterRegRetryIntvl() throws Exception {
        phone.line(1, kamailio.port, "1001", "not-yet", port1, "UDP");
        phone.set("Reg_Retry_Intvl", "45");
        phone.phone.apply();
        phone.await(1, Status.FAILED);
        // the provider fixes the account on its side: here, the phone's password is right from now on
        phone.store.set("Password_1_", "s3cret", org.mppfw.api.config.ChangeSource.ADMIN);
        // not applied as a change (no listener here): the retry reads nothing new, it retries as it is
        long before = registers();
        phone.clock.advance(Duration.ofSeconds(45));
        Await.until("the retry to reach Kamailio", () -> registers() > before);
    }

    @Test
    void aPortInUseIsTriedAgainAfterRegRetryIntvl() throws Exception {
        phone.line(1, kamailio.port, "1001", "s3cret", port1, "UDP");
        try (java.net.DatagramSocket taken = new java.net.DatagramSocket(port1,
                java.net.InetAddress.getLoopbackAddress())) {
            phone.phone.apply();
            phone.await(1, Status.FAILED);
            assertTrue(phone.registration(1).detail().startsWith("cannot listen on port " + port1),
                    phone.registration(1).detail());
        }
        phone.clock.advance(Duration.ofSeconds(30));
        phone.await(1, Status.REGISTERED);
    }

    private long registers() {
        return kamailio.log().lines().filter(l -> l.contains("request REGISTER from 127.0.0.1:" + port1)).count();
    }
}
