package org.mppfw.upgrade.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.api.firmware.UpgradeStatus.Phase;
import org.mppfw.upgrade.internal.state.AttemptRecord;

/**
 * The engine on a virtual clock and a queued executor: time moves and work runs only when the test
 * says so. Every download fails ({@link FailingTransport}), so no attempt gets to a swap.
 */
class UpgradeEngineTest {

    private static final String FAILED = "download of " + EngineFixture.NEXT_URL + " failed: "
            + FailingTransport.MESSAGE;

    @TempDir
    Path dir;

    private EngineFixture phone;

    @BeforeEach
    void setUp() throws Exception {
        phone = new EngineFixture(dir);
        phone.store.put("Upgrade_Rule", EngineFixture.NEXT_RULE);
    }

    private UpgradeEngine booted() {
        UpgradeEngine engine = phone.engine(false);
        engine.start(true);
        phone.executor.drain();
        return engine;
    }

    private int downloads() {
        return phone.transport.requested.size();
    }

    // ---- the idle gate

    @Test
    void anAttemptWaitsWhileALineIsBusyAndStartsWhenTheLinesBecomeIdle() {
        phone.busyLine.set(true);
        UpgradeEngine engine = booted();
        assertEquals(new UpgradeStatus(Phase.WAITING_FOR_IDLE, -1, EngineFixture.NEXT_URL, null, "", 1),
                engine.board().now());
        assertEquals(List.of(Phase.WAITING_FOR_IDLE), phone.published.stream().map(UpgradeStatus::phase).toList());
        assertEquals(0, downloads());
        assertEquals(EngineFixture.START.plus(IdleGate.RECHECK), phone.clock.nextDeadline());

        engine.idleChanged(false);
        assertEquals(0, phone.executor.queued(), "busy again is nothing to act on");
        phone.clock.advance(IdleGate.RECHECK);
        phone.executor.drain();
        assertEquals(0, downloads(), "still busy at the recheck");
        assertEquals(Phase.WAITING_FOR_IDLE, phone.lastPhase());

        phone.busyLine.set(false);
        engine.idleChanged(true);
        phone.executor.drain();
        assertEquals(List.of(URI.create(EngineFixture.NEXT_URL)), phone.transport.requested);
    }

    @Test
    void anAttemptWaitingForIdleLinesStartsAtTheRecheckWhenNoOneTellsOfTheChange() {
        phone.busyLine.set(true);
        booted();
        phone.busyLine.set(false); // a line-state service that does not tell of its changes
        phone.clock.advance(IdleGate.RECHECK.minusSeconds(1));
        phone.executor.drain();
        assertEquals(0, downloads());
        phone.clock.advance(Duration.ofSeconds(1));
        phone.executor.drain();
        assertEquals(1, downloads());
    }

    @Test
    void idleLinesStartNothingWhenNoAttemptWaits() {
        UpgradeEngine engine = booted();
        assertEquals(1, downloads());
        engine.idleChanged(true);
        assertEquals(0, phone.executor.queued());
    }

    // ---- a failed attempt

    @Test
    void aFailedDownloadIsRecordedReportedAndRetriedAfterTheDelayOfItsFailure() throws Exception {
        phone.store.put("Upgrade_Error_Retry_Delay", "30,600");
        UpgradeEngine engine = booted();

        assertEquals(1, downloads());
        assertEquals(new AttemptRecord(EngineFixture.NEXT_RULE, EngineFixture.NEXT_URL, EngineFixture.START, false,
                FAILED, 1), AttemptRecord.read(phone.data));
        assertEquals(new UpgradeStatus(Phase.IDLE, -1, "", EngineFixture.START, FAILED, 2), engine.board().now());
        assertEquals(List.of(Phase.DOWNLOADING, Phase.IDLE), phone.published.stream().map(UpgradeStatus::phase).toList());
        assertEquals(List.of(new RecordingLog.Line("Log_Upgrade_Request_Msg", false, EngineFixture.NEXT_URL, ""),
                new RecordingLog.Line("Log_Upgrade_Failure_Msg", true, EngineFixture.NEXT_URL, FAILED)),
                phone.log.lines);
        assertFalse(Files.exists(phone.data.resolve(UpgradeEngine.UPGRADING_MARKER)), "the marker is gone");
        assertEquals(EngineFixture.START.plusSeconds(30), phone.clock.nextDeadline(), "the first item of the list");

        phone.clock.advance(Duration.ofSeconds(29));
        phone.executor.drain();
        assertEquals(1, downloads());
        phone.clock.advance(Duration.ofSeconds(1));
        phone.executor.drain();
        assertEquals(2, downloads(), "retried when the delay has passed");
        UpgradeStatus retry = phone.published.stream().filter(s -> s.phase() == Phase.DOWNLOADING).toList().get(1);
        assertEquals(2, retry.upgst(), "a retry of the same image is $UPGST 2");
        AttemptRecord second = AttemptRecord.read(phone.data);
        assertEquals(2, second.failures());
        assertEquals(EngineFixture.START.plusSeconds(30), second.started());
        assertEquals(second.started().plusSeconds(600), phone.clock.nextDeadline(), "the second item");
    }

    @Test
    void aServerOutsideRestrictedAccessDomainsIsNotContactedAndTheErrorRetryApplies() throws Exception {
        phone.store.put("Restricted_Access_Domains", "example.test");
        phone.store.put("Upgrade_Error_Retry_Delay", "30,600");
        UpgradeEngine engine = booted();

        assertEquals(0, downloads(), "not contacted");
        String refused = "download of " + EngineFixture.NEXT_URL + " failed: host fw.example is not in "
                + "Restricted_Access_Domains (example.test): not contacted";
        assertEquals(refused, engine.board().now().lastResult());
        assertEquals(new RecordingLog.Line("Log_Upgrade_Failure_Msg", true, EngineFixture.NEXT_URL, refused),
                phone.log.lines.get(phone.log.lines.size() - 1));
        assertEquals(EngineFixture.START.plusSeconds(30), phone.clock.nextDeadline(), "Upgrade_Error_Retry_Delay");

        phone.store.put("Restricted_Access_Domains", "fw.example");
        phone.clock.advance(Duration.ofSeconds(30));
        phone.executor.drain();
        assertEquals(1, downloads(), "within the list, the server is contacted");
    }

    // ---- assignments

    @Test
    void theRulesAssignmentsAreAppliedWhenItStartsAnAttempt() {
        phone.store.put("Phone-UI-User-Mode", "No");
        phone.store.put("Upgrade_Rule", "(Phone-UI-User-Mode = \"Yes\";)! " + EngineFixture.NEXT_RULE);
        booted();
        assertEquals("Yes", phone.store.get("Phone-UI-User-Mode"));
        assertEquals(List.of(URI.create(EngineFixture.NEXT_URL)), phone.transport.requested);
    }

    @Test
    void refusedAssignmentsStartNoAttemptAndSayWhy() {
        phone.store.put("Upgrade_Rule", "(No_Such_Parameter = \"1\";)! " + EngineFixture.NEXT_RULE);
        UpgradeEngine engine = booted();
        assertEquals(0, downloads());
        assertEquals("Upgrade_Rule: assignments refused: unknown parameter No_Such_Parameter",
                engine.board().now().lastResult());
        assertNull(AttemptRecord.read(phone.data));
    }

    @Test
    void aManualUpgradeRunsOnTheExecutorAndIsRecordedWithoutARule() throws Exception {
        phone.store.put("Upgrade_Rule", "");
        UpgradeEngine engine = booted();
        assertTrue(engine.upgrade(EngineFixture.NEXT_URL));
        assertEquals(0, downloads(), "nothing before the executor runs it");
        phone.executor.drain();
        assertEquals(1, downloads());
        AttemptRecord r = AttemptRecord.read(phone.data);
        assertEquals("", r.rule());
        assertEquals(1, r.failures());
    }

    // ---- what starts nothing

    @Test
    void upgradeEnableNoRefusesAManualUpgradeAndTheRule() {
        phone.store.put("Upgrade_Enable", "No");
        UpgradeEngine engine = booted();
        assertFalse(engine.upgrade(EngineFixture.NEXT_URL));
        engine.ruleChanged();
        phone.executor.drain();
        assertEquals(0, downloads());
        assertTrue(phone.log.lines.isEmpty());
        assertNull(AttemptRecord.read(phone.data));
        assertEquals(Phase.IDLE, engine.board().now().phase());
        assertNull(phone.clock.nextDeadline());
    }

    @Test
    void aCommandRunStartsNothingByItself() {
        UpgradeEngine engine = phone.engine(true);
        engine.start(true);
        assertEquals(0, phone.executor.queued());
        assertNull(phone.clock.nextDeadline());
        assertEquals(0, downloads());
        assertEquals(Phase.IDLE, engine.board().now().phase());
    }

    // ---- stop

    @Test
    void stopCancelsTheRecheckOfAnAttemptWaitingForIdleLines() {
        phone.busyLine.set(true);
        UpgradeEngine engine = booted();
        assertEquals(EngineFixture.START.plus(IdleGate.RECHECK), phone.clock.nextDeadline());
        engine.stop();
        assertNull(phone.clock.nextDeadline());
        phone.busyLine.set(false);
        engine.idleChanged(true);
        engine.ruleChanged();
        assertEquals(0, phone.executor.queued(), "a stopped engine takes no new work");
        phone.clock.advance(Duration.ofDays(1));
        phone.executor.drain();
        assertEquals(0, downloads());
    }

    @Test
    void stopCancelsTheRetryOfAFailedAttempt() {
        UpgradeEngine engine = booted();
        assertEquals(EngineFixture.START.plusSeconds(3600), phone.clock.nextDeadline());
        engine.stop();
        assertNull(phone.clock.nextDeadline());
        phone.clock.advance(Duration.ofDays(1));
        phone.executor.drain();
        assertEquals(1, downloads());
    }
}
