package org.mppfw.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testing.VirtualClock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;

/** The phone's provisioning log as other bundles use it, to a syslog socket of the test's own. */
class ProvisioningLogServiceTest {

    @TempDir
    Path data;

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-06-01T08:00:00Z"), ZoneOffset.UTC);
    private ParameterStoreImpl store;
    private ProvisioningLogService log;
    private DatagramSocket syslog;

    @BeforeEach
    void phone() throws IOException {
        syslog = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        syslog.setSoTimeout(5000);
        store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        store.set("Syslog_Server", "127.0.0.1:" + syslog.getLocalPort(), ChangeSource.ADMIN);
        log = new ProvisioningLogService(store, clock, new ProvisioningRulesImpl(),
                new PhoneMacrosService(store, Phone.identity(), clock));
    }

    @AfterEach
    void close() {
        log.close();
        syslog.close();
    }

    @Test
    void anEventAboutAUrlHasItsPartsAsMacros() throws IOException {
        String sent = log.log("Log_Upgrade_Request_Msg", false, "http://127.0.0.1:8080/fw/sip.loads?v=2", "");
        assertEquals("CP-8845-3PCC 00:0e:08:01:23:45 -- Requesting upgrade http://127.0.0.1:8080/fw/sip.loads?v=2", sent);
        String packet = receive();
        assertTrue(packet.startsWith("<133>"), "a notice: " + packet);
        assertTrue(packet.endsWith("mppfw: " + sent), packet);
    }

    @Test
    void failuresAreWarningsAndAUrlThatDoesNotParseLeavesItsPartsEmpty() throws IOException {
        store.set("Log_Upgrade_Failure_Msg", "[$SCHEME|$SERV|$PORT|$PATH] $ERR after $UPGTMR s", ChangeSource.ADMIN);
        clock.advance(Duration.ofSeconds(42));
        assertEquals("[|||] bad URL after 42 s", log.log("Log_Upgrade_Failure_Msg", true, "http://bad host/x", "bad URL"));
        assertTrue(receive().startsWith("<132>"));
    }

    @Test
    void theEventsValuesWinOverThePhonesAndNullsAreNoValue() throws IOException {
        store.set("Log_Upgrade_Success_Msg", "$A/$UPGST/$ERR", ChangeSource.ADMIN);
        store.set("GPP_A", "register", ChangeSource.ADMIN);
        Map<String, String> event = new HashMap<>();
        event.put("UPGST", "2");
        event.put("A", null);
        event.put("ERR", "done");
        assertEquals("register/2/done", log.log("Log_Upgrade_Success_Msg", false, event));
        receive();
    }

    @Test
    void aBlankMessageSendsNothing() throws IOException {
        store.set("Log_Upgrade_Request_Msg", "", ChangeSource.ADMIN);
        assertEquals("", log.log("Log_Upgrade_Request_Msg", false, "http://127.0.0.1/x", ""));
        log.log("Log_Upgrade_Failure_Msg", true, "http://127.0.0.1/x", "then this");
        assertTrue(receive().endsWith("Upgrade failed: then this"), "the blank message was not sent before it");
    }

    private String receive() throws IOException {
        byte[] buf = new byte[2048];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        syslog.receive(p);
        return new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
    }
}
