package org.mppfw.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.line.Call;
import org.mppfw.api.line.LineRegistration.Status;
import org.mppfw.testing.Await;
import org.mppfw.testing.Kamailio;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.Sipp;
import org.mppfw.testing.Sipsak;

/**
 * Real calls to a registered line: SIPp calls 1001 through Kamailio, which relays the INVITE to
 * the phone's registered contact. The line state follows: busy from the ring to the end of the
 * call, idle after the caller's BYE or CANCEL, or the phone's own hang-up.
 */
class SippCallsTest {

    @TempDir
    Path data;
    Scratch scratch;
    Kamailio kamailio;
    TestPhone phone;

    @BeforeEach
    void start() throws Exception {
        scratch = new Scratch("sip-calls");
        kamailio = Kamailio.start(scratch, Ports.udpAndTcp(), Map.of("1001", "s3cret"));
        phone = new TestPhone(data);
        phone.line(1, kamailio.port, "1001", "s3cret", Ports.udpAndTcp(), "UDP");
        phone.phone.apply();
        phone.await(1, Status.REGISTERED);
    }

    @AfterEach
    void stop() {
        phone.close();
        scratch.close();
    }

    @Test
    void theCallerHangsUpAndTheLineIsIdleAgain() throws Exception {
        assertTrue(phone.phone.idle());
        Sipp sipp = Sipp.call(scratch, "call-remote-bye.xml", "1001", kamailio.port);
        Await.until("the phone to ring", () -> !phone.phone.calls().isEmpty());
        assertFalse(phone.phone.idle());
        assertTrue(phone.phone.calls().get(0).startsWith("ext 1: ringing with sip:2000@"), phone.phone.calls().toString());
        assertTrue(phone.phone.answer(0).startsWith("ext 1: connected"));
        assertEquals(0, sipp.exit(), sipp.log());
        Await.until("the line to be idle", phone.phone::idle);
        // busy when it rang, busy when answered, idle after the caller's BYE
        assertEquals(List.of(false, false, true), phone.idleAtChange);
    }

    @Test
    void thePhoneHangsUp() throws Exception {
        Sipp sipp = Sipp.call(scratch, "call-phone-hangs-up.xml", "1001", kamailio.port);
        Await.until("the phone to ring", () -> !phone.phone.calls().isEmpty());
        phone.phone.answer(1);
        assertFalse(phone.phone.idle());
        assertTrue(phone.phone.hangup(1).endsWith("ended"));
        assertTrue(phone.phone.idle());
        assertEquals(0, sipp.exit(), sipp.log());
        assertEquals("no call", phone.phone.hangup(0));
    }

    @Test
    void thePhoneDeclinesARingingCallWith603() throws Exception {
        Sipp sipp = Sipp.call(scratch, "call-declined.xml", "1001", kamailio.port);
        Await.until("the phone to ring", () -> !phone.phone.callList().isEmpty());
        Call ringing = phone.phone.callList().get(0);
        assertEquals(1, ringing.extension());
        assertEquals(Call.State.RINGING, ringing.state());
        assertEquals("Caller", ringing.remoteName());
        assertTrue(ringing.remoteUri().startsWith("sip:2000@"), ringing.remoteUri());
        assertTrue(phone.phone.hangup(1).endsWith("ended"));
        assertEquals(0, sipp.exit(), "the caller got 603 Decline: " + sipp.log());
        assertTrue(phone.phone.callList().isEmpty());
    }

    @Test
    void anAnsweredCallIsConnectedInTheList() throws Exception {
        Sipp sipp = Sipp.call(scratch, "call-phone-hangs-up.xml", "1001", kamailio.port);
        Await.until("the phone to ring", () -> !phone.phone.callList().isEmpty());
        phone.phone.answer(1);
        assertEquals(Call.State.CONNECTED, phone.phone.callList().get(0).state());
        phone.phone.hangup(1);
        assertEquals(0, sipp.exit(), sipp.log());
    }

    @Test
    void theCallerGivesUpWhileItRings() throws Exception {
        Sipp sipp = Sipp.call(scratch, "call-cancelled.xml", "1001", kamailio.port);
        assertEquals(0, sipp.exit(), sipp.log());
        Await.until("the line to be idle", phone.phone::idle);
        assertEquals(List.of(false, true), phone.idleAtChange);
        assertTrue(phone.phone.answer(0).startsWith("no ringing call"));
    }
}
