package org.mppfw.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.display.Display;
import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Screen;
import org.mppfw.api.line.LineRegistration.Status;
import org.mppfw.testing.Await;
import org.mppfw.testing.Kamailio;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;

/**
 * The component as the framework runs it: its lines follow parameter changes, line 1's
 * registration shows as the LCD's icon, {@code sip:status} prints it, and its deactivation
 * unregisters.
 */
class SipComponentTest {

    @TempDir
    Path data;
    Scratch scratch;
    Kamailio kamailio;
    TestPhone parts;
    SipComponent sip;
    final List<Indicators> shown = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        scratch = new Scratch("sip-component");
        kamailio = Kamailio.start(scratch, Ports.udpAndTcp(), Map.of("1001", "s3cret"));
        parts = new TestPhone(data);
        sip = new SipComponent(parts.store, parts.clock, TestPhone.ID, null);
        sip.setDisplay(display());
    }

    @AfterEach
    void stop() {
        sip.deactivate();
        scratch.close();
    }

    @Test
    void lineOnesRegistrationIsTheLcdIconAndSipStatus() throws Exception {
        int port = Ports.udpAndTcp();
        parts.line(1, kamailio.port, "1001", "s3cret", port, "UDP");
        sip.parametersChanged(List.of(new ParameterChange("Proxy_1_", "", "x", false)), ChangeSource.PROFILE);
        Await.until("the registered icon", () -> !shown.isEmpty()
                && shown.get(shown.size() - 1).registration() == Indicators.Registration.REGISTERED);
        assertTrue(shown.stream().anyMatch(i -> i.registration() == Indicators.Registration.REGISTERING));
        assertEquals(Status.REGISTERED, sip.registrations().get(0).status());
        String status = new SipCommands(sip).status();
        assertTrue(status.startsWith("ext 1: registered with 127.0.0.1:" + kamailio.port + " for 3600 s"), status);
        assertTrue(status.endsWith("idle: no call"), status);
        assertFalse(status.contains("s3cret"));
        assertTrue(sip.allIdle());

        parts.set("Password_1_", "wrong");
        sip.parametersChanged(List.of(new ParameterChange("Password_1_", "", "", true)), ChangeSource.PROFILE);
        Await.until("the failed icon", () -> shown.get(shown.size() - 1).registration() == Indicators.Registration.FAILED);

        parts.set("Password_1_", "s3cret");
        sip.parametersChanged(List.of(new ParameterChange("Password_1_", "", "", true)), ChangeSource.PROFILE);
        Await.until("registered again", () -> shown.get(shown.size() - 1).registration() == Indicators.Registration.REGISTERED);
        sip.deactivate();
        assertEquals(Indicators.Registration.NONE, shown.get(shown.size() - 1).registration());
        Await.until("Kamailio to forget the contact", () -> !kamailio.locations().contains("sip:1001@"));
    }

    @Test
    void aNewInstanceRegistersAgainOnTheSamePort() throws Exception {
        int port = Ports.udpAndTcp();
        parts.line(1, kamailio.port, "1001", "s3cret", port, "TCP");
        sip.parametersChanged(List.of(new ParameterChange("Proxy_1_", "", "x", false)), ChangeSource.PROFILE);
        Await.until("registered", () -> kamailio.locations().contains("sip:1001@127.0.0.1:" + port));
        sip.deactivate();
        Await.until("unregistered", () -> !kamailio.locations().contains("sip:1001@"));
        // the bundle started again: a new instance on the same port
        sip = new SipComponent(parts.store, parts.clock, TestPhone.ID, null);
        Await.until("registered again", () -> kamailio.locations().contains("sip:1001@127.0.0.1:" + port));
    }

    @Test
    void theNetworkBackRegistersAtOnceRatherThanAtTheNextRetry() throws Exception {
        // the registrar is unreachable (its port closed) and the next retry is an hour away
        kamailio = null;
        scratch.close();
        scratch = new Scratch("sip-component");
        int proxy = Ports.udpAndTcp();
        parts.set("Reg_Retry_Intvl", "3600");
        parts.line(1, proxy, "1001", "s3cret", Ports.udpAndTcp(), "TCP");
        sip.parametersChanged(List.of(new ParameterChange("Proxy_1_", "", "x", false)), ChangeSource.PROFILE);
        // a connection refused ends the transaction only at its timeout (Timer F, 32 s)
        Await.until("the failed registration", Duration.ofSeconds(90), () -> !sip.registrations().isEmpty()
                && sip.registrations().get(0).status() == Status.FAILED);
        // the network comes back: the registrar answers now, and the phone's address is told
        kamailio = Kamailio.start(scratch, proxy, Map.of("1001", "s3cret"));
        sip.addressChanged(Optional.of((Inet4Address) InetAddress.getByName("127.0.0.1")));
        Await.until("registered at once", () -> sip.registrations().get(0).status() == Status.REGISTERED);
        Await.until("Kamailio to have the contact", () -> kamailio.locations().contains("sip:1001@127.0.0.1"));
        sip.addressChanged(Optional.empty()); // the address lost: nothing to register from
        assertEquals(Status.REGISTERED, sip.registrations().get(0).status());
    }

    @Test
    void unrelatedParametersLeaveTheLinesAlone() {
        assertFalse(Phone.relevant("Profile_Rule"));
        assertTrue(Phone.relevant("User_ID_3_"));
        assertTrue(Phone.relevant("Auth_Resync-Reboot_1_"));
        assertTrue(Phone.relevant("SIP_User_Agent_Name"));
        assertEquals("no SIP line is enabled\nidle: no call", new SipCommands(sip).status());
    }

    private Display display() {
        return new Display() {
            private volatile Indicators now = Indicators.DEFAULT;

            @Override
            public void show(Screen screen) {
            }

            @Override
            public Screen current() {
                return null;
            }

            @Override
            public void indicators(Indicators i) {
                now = i;
                shown.add(i);
            }

            @Override
            public Indicators indicators() {
                return now;
            }
        };
    }
}
