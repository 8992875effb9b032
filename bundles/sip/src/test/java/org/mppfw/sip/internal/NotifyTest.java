package org.mppfw.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.line.LineRegistration.Status;
import org.mppfw.api.power.BootReason;
import org.mppfw.api.power.BootRecord;
import org.mppfw.api.power.Power;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.report.ProblemReport;
import org.mppfw.api.report.ReportOutcome;
import org.mppfw.api.report.Reports;
import org.mppfw.testing.Await;
import org.mppfw.testing.Commands;
import org.mppfw.testing.Kamailio;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.Sipp;
import org.mppfw.testing.Sipsak;

/**
 * NOTIFY from sipsak, straight to the phone's line and relayed by Kamailio: the phone challenges
 * it with digest, acts only on the line's credentials, and answers every one. What it does is
 * recorded by the resync, power and report services of this test.
 */
class NotifyTest {

    @TempDir
    Path data;
    Scratch scratch;
    Kamailio kamailio;
    TestPhone phone;
    int port;
    final List<String> done = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        scratch = new Scratch("sip-notify");
        kamailio = Kamailio.start(scratch, Ports.udpAndTcp(), Map.of("1001", "s3cret"));
        phone = new TestPhone(data);
        phone.provisioning = provisioning();
        phone.power = power();
        phone.reports = reports();
        port = Ports.udpAndTcp();
        phone.line(1, kamailio.port, "1001", "s3cret", port, "UDP");
        phone.phone.apply();
        phone.await(1, Status.REGISTERED);
    }

    @AfterEach
    void stop() {
        phone.close();
        scratch.close();
    }

    @Test
    void checkSyncWithTheLinesCredentialsResyncs() throws Exception {
        Commands.Result r = send("check-sync", "1001", "s3cret");
        assertEquals(0, r.exit(), r.out() + r.stderr());
        Await.until("the resync to be asked for", () -> done.contains("resync"));
        assertEquals(List.of("resync"), done);
    }

    @Test
    void wrongOrMissingCredentialsChangeNothing() throws Exception {
        // sipsak answers the challenge once; the phone's second 401 ends it (sipsak exits 1 or 2)
        Commands.Result wrong = send("check-sync", "1001", "not-the-password");
        assertTrue(wrong.exit() != 0, wrong.out());
        // sipsak without a password has nothing to answer the challenge with: it gives up
        Commands.Result none = send("reboot_now", null, null);
        assertTrue(none.exit() != 0, none.out());
        Commands.Result otherUser = send("resync", "1002", "s3cret");
        assertTrue(otherUser.exit() != 0, otherUser.out());
        // a right one afterwards is done: the wrong ones were answered, not queued
        assertEquals(0, send("report", "1001", "s3cret").exit());
        Await.until("the report", () -> !done.isEmpty());
        assertEquals(List.of("report"), done);
    }

    @Test
    void eachEventDoesWhatItSays() throws Exception {
        assertEquals(0, send("check-sync;reboot=true", "1001", "s3cret").exit());
        assertEquals(0, send("reboot_now", "1001", "s3cret").exit());
        assertEquals(0, send("restart_now", "1001", "s3cret").exit());
        assertEquals(0, send("prt-gen", "1001", "s3cret").exit());
        assertEquals(0, send("resync;profile=\"http://prov.example.com/p/$MA.xml\"", "1001", "s3cret").exit());
        Await.until("five actions", () -> done.size() == 5);
        assertEquals(List.of("reboot REMOTE_REQUEST", "reboot REMOTE_REQUEST", "reboot REMOTE_REQUEST", "prt",
                "resync http://prov.example.com/p/$MA.xml"), done);
        Commands.Result unknown = send("ring-ring", "1001", "s3cret");
        assertTrue(unknown.out().contains("489"), unknown.out());
    }

    @Test
    void resyncFromSipAndRestrictedAccessDomainsGateResyncs() throws Exception {
        phone.set("Restricted_Access_Domains", "example.com");
        Commands.Result outside = send("resync;profile=\"http://evil.test/p.xml\"", "1001", "s3cret");
        assertTrue(outside.out().contains("403"), outside.out());
        phone.set("Resync_From_SIP", "No");
        Commands.Result off = send("check-sync", "1001", "s3cret");
        assertTrue(off.out().contains("403"), off.out());
        // a reboot is not a resync: Resync_From_SIP does not gate it
        assertEquals(0, send("reboot_now", "1001", "s3cret").exit());
        Await.until("the reboot", () -> !done.isEmpty());
        assertEquals(List.of("reboot REMOTE_REQUEST"), done);
    }

    @Test
    void aCheckSyncRelayedByKamailioResyncs() throws Exception {
        Commands.Result r = Sipsak.send(scratch, Sipsak.notify("1001", kamailio.port, "check-sync"), "1001",
                kamailio.port, "1001", "s3cret");
        assertEquals(0, r.exit(), r.out() + r.stderr());
        Await.until("the resync", () -> done.contains("resync"));
        assertTrue(kamailio.log().contains("request NOTIFY"), kamailio.log());
    }

    @Test
    void withoutAuthResyncRebootOnlyTheProxyIsHeard() throws Exception {
        phone.set("Auth_Resync-Reboot_1_", "No");
        phone.phone.apply();
        phone.await(1, Status.REGISTERED);
        // sipsak on 127.0.0.1 is at the proxy's address: taken without a challenge
        assertEquals(0, send("check-sync", null, null).exit());
        Await.until("the resync", () -> done.contains("resync"));
        phone.set("Proxy_1_", "127.0.0.2:" + kamailio.port);
        phone.phone.apply();
        Commands.Result r = send("check-sync", null, null);
        assertTrue(r.out().contains("403"), r.out());
    }

    private Commands.Result send(String event, String user, String password) throws Exception {
        return Sipsak.send(scratch, Sipsak.notify("1001", port, event), "1001", port, user, password);
    }

    private Provisioning provisioning() {
        return new Provisioning() {
            @Override
            public ProvisioningStatus status() {
                return null;
            }

            @Override
            public List<ResyncRecord> history() {
                return List.of();
            }

            @Override
            public boolean resync() {
                done.add("resync");
                return true;
            }

            @Override
            public boolean resync(String rule) {
                done.add("resync " + rule);
                return true;
            }

            @Override
            public void profileAccount(String user, char[] password) {
            }
        };
    }

    private Power power() {
        return new Power() {
            @Override
            public boolean reboot(BootReason reason, String detail) {
                done.add("reboot " + reason);
                return true;
            }

            @Override
            public boolean commandRun() {
                return false;
            }

            @Override
            public Optional<BootRecord> currentBoot() {
                return Optional.empty();
            }

            @Override
            public List<BootRecord> boots() {
                return List.of();
            }
        };
    }

    private Reports reports() {
        return new Reports() {
            @Override
            public List<ReportOutcome> report(String rule) {
                done.add("report");
                return List.of(new ReportOutcome("http://127.0.0.1/r", true, "200"));
            }

            @Override
            public ProblemReport problemReport(String reason) throws IOException {
                done.add("prt");
                return new ProblemReport(data.resolve("prt.tar.gz"), null);
            }
        };
    }

}
