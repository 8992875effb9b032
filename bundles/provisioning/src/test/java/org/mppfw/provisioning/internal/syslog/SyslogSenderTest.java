package org.mppfw.provisioning.internal.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mppfw.testing.Rsyslog;
import org.mppfw.testing.Scratch;

/** The phone's syslog lines received by a real rsyslogd listening on a loopback UDP port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyslogSenderTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private Scratch scratch;
    private Rsyslog rsyslog;
    private int port;

    @BeforeAll
    void startRsyslog() throws Exception {
        scratch = new Scratch("syslog");
        rsyslog = Rsyslog.start(scratch, "%pri% %hostname% %syslogtag%%msg%\n");
        port = rsyslog.port;
    }

    @AfterAll
    void stopRsyslog() {
        if (scratch != null) {
            scratch.close();
        }
    }

    private List<String> received(String marker) {
        return rsyslog.lines(marker);
    }

    @Test
    void rsyslogReceivesTheLineWithFacilityAndSeverity() throws Exception {
        try (SyslogSender s = new SyslogSender()) {
            assertTrue(s.send("127.0.0.1:" + port, SyslogSender.Severity.INFO, Instant.now(), UTC, null,
                    "CP-8845-3PCC 00:0e:08:01:23:45 -- Requesting resync http://192.0.2.1:80/one.xml"));
        }
        List<String> got = received("one.xml");
        assertEquals(1, got.size(), "" + got);
        assertTrue(got.get(0).startsWith("134 "), "local0.info = 134: " + got.get(0));
        assertTrue(got.get(0).contains("mppfw: CP-8845-3PCC 00:0e:08:01:23:45 -- Requesting resync http://192.0.2.1:80/one.xml"),
                got.get(0));
    }

    @Test
    void theIdentifierBecomesTheHostName() throws Exception {
        try (SyslogSender s = new SyslogSender()) {
            s.send("localhost:" + port, SyslogSender.Severity.NOTICE, Instant.now(), UTC, "000e08012345",
                    "Resync failed: two");
        }
        List<String> got = received("failed: two");
        assertEquals(1, got.size(), "" + got);
        assertTrue(got.get(0).startsWith("133 000e08012345 mppfw: "), got.get(0));
    }

    @Test
    void longAndMultiLineMessagesStayOneDatagram() throws Exception {
        String longText = "three " + "é".repeat(2000);
        byte[] packet = SyslogSender.format(SyslogSender.Severity.INFO, Instant.EPOCH, UTC, null, longText);
        assertTrue(packet.length <= SyslogSender.MAX_PACKET);
        new String(packet, StandardCharsets.UTF_8).chars().forEach(c -> assertTrue(c != 0xFFFD, "no broken character"));
        String formatted = new String(SyslogSender.format(SyslogSender.Severity.INFO, Instant.EPOCH, UTC, null, "a\nb"),
                StandardCharsets.UTF_8);
        assertEquals("<134>Jan  1 00:00:00 mppfw: a b", formatted);
        try (SyslogSender s = new SyslogSender()) {
            s.send("127.0.0.1:" + port, SyslogSender.Severity.INFO, Instant.now(), UTC, null, longText);
        }
        assertEquals(1, received("three ").size());
    }

    @Test
    void serverValues() {
        assertTrue(SyslogSender.target("").isEmpty());
        assertTrue(SyslogSender.target(null).isEmpty());
        assertEquals(514, SyslogSender.target("syslog.example").orElseThrow().getPort());
        assertEquals(1514, SyslogSender.target("192.0.2.9:1514").orElseThrow().getPort());
        assertEquals("2001:db8::1", SyslogSender.target("[2001:db8::1]:600").orElseThrow().getHostString());
        assertEquals(514, SyslogSender.target("2001:db8::1").orElseThrow().getPort(), "a bare IPv6 address");
        for (String bad : new String[] {"host:0", "host:70000", "host:x", "a b", "[::1"}) {
            assertThrows(IllegalArgumentException.class, () -> SyslogSender.target(bad), bad);
        }
    }

    @Test
    void anUnusableServerIsNotAnError() throws IOException {
        try (SyslogSender s = new SyslogSender()) {
            assertFalse(s.send("", SyslogSender.Severity.INFO, Instant.now(), UTC, null, "nothing"));
            assertFalse(s.send("host:99999", SyslogSender.Severity.INFO, Instant.now(), UTC, null, "x"));
        }
    }
}
