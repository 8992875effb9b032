package org.mppfw.upgrade.internal.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.firmware.RollbackResult;
import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningLog;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.layout.Durable;
import org.mppfw.upgrade.internal.sets.BundleSets;
import org.mppfw.layout.FirmwareState;
import org.mppfw.upgrade.internal.state.AttemptRecord;
import org.mppfw.upgrade.internal.swap.BundleSwapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The firmware upgrade, as a plain object: evaluates {@code Upgrade_Rule} ({@link RulePolicy})
 * after every resync, when the rule or {@code Upgrade_Enable} changes, when a failed attempt's
 * retry delay has passed; waits until the lines are idle ({@link IdleGate}); downloads the image
 * ({@link ImageAttempt}), verifies it whole before anything changes, puts it into the free slot and
 * switches sets in place ({@link SetSwitch}). After a commit the rule
 * is evaluated again, so that a multistage rule steps on until nothing is left to do. After a
 * reboot into a set on trial it runs {@link TrialCheck}; while another instance finishes a swap,
 * {@link HandOver}. In a command run ({@code mppfw -c}) it starts nothing by itself.
 * <p>
 * All work runs on the serial {@code executor} it is given; timers only hand work to it. It
 * creates no thread of its own.
 */
public final class UpgradeEngine {

    /** Present while an attempt runs (for {@code fw:await}, which must not depend on this component). */
    public static final String UPGRADING_MARKER = "firmware/upgrading";

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeEngine.class);

    private final Services services;
    private final BootFacts boot;
    private final Firmware firmware;
    private final Executor executor;
    private final StatusBoard board;
    private final RulePolicy policy;
    private final IdleGate gate;
    private final ImageAttempt image;
    private final SetSwitch switcher;
    private final TrialCheck trial;
    private final HandOver handOver;
    private final AttemptRecord lastAtStart;

    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean active = true;
    private volatile Clock.Timer timer;
    private volatile Instant lastResyncSeen;

    public UpgradeEngine(Services services, BootFacts boot, BundleSwapper swapper, Executor executor,
            RandomGenerator random) {
        this.services = services;
        this.boot = boot;
        this.executor = executor;
        this.firmware = new Firmware(new BundleSets(boot.image(), boot.dataDir()), services.identity(),
                boot.bootedVersion(), boot.image());
        this.lastAtStart = AttemptRecord.read(boot.dataDir());
        this.board = new StatusBoard(lastAtStart);
        this.policy = new RulePolicy(services, firmware, random);
        this.gate = new IdleGate(services);
        this.switcher = new SetSwitch(firmware, swapper, boot.healthTimeout(), this::publishIfActive);
        this.image = new ImageAttempt(services, firmware, board, switcher);
        this.trial = new TrialCheck(firmware, swapper, services, boot);
        this.handOver = new HandOver(firmware, services.clock());
    }

    /** Decides what this boot asks for: the check of a set on trial, a hand-over, or the rule. */
    public void start(boolean booting) {
        FirmwareState st = firmware.state();
        if (st.pending() == null) {
            try {
                Files.deleteIfExists(boot.dataDir().resolve(UPGRADING_MARKER)); // left by a power cut
            } catch (IOException e) {
                LOG.debug("cannot delete the upgrade marker: {}", e.getMessage());
            }
        }
        if (booting && st.pending() != null && boot.trial() && st.pending().equals(boot.bootedSet())) {
            if (boot.commandRun()) {
                LOG.info("firmware {} is on trial: a command run does not check it, the next power-on does",
                        boot.bootedSet());
            } else {
                executor.execute(this::checkTrial);
            }
        } else if (!booting && st.pending() != null) {
            busy.set(true); // a swap in this framework is being finished by the thread that started it
            board.set(handOver.checking(board.now()));
            handOver.await(() -> active, t -> timer = t, this::handedOver);
        } else if (!boot.commandRun() && st.pending() == null) {
            executor.execute(() -> evaluate("start"));
        }
    }

    /** Stops: nothing new starts; an attempt under way finishes on its own. */
    public void stop() {
        active = false;
        Clock.Timer t = timer;
        if (t != null) {
            t.cancel();
        }
    }

    /** Whether a set on trial is being given up (the component's stop waits for the state record). */
    public boolean givingUp() {
        return trial.givingUp();
    }

    public StatusBoard board() {
        return board;
    }

    public Firmware firmware() {
        return firmware;
    }

    /** A manual upgrade ({@code fw:upgrade}, keypad, web): false when refused. */
    public boolean upgrade(String url) {
        if (!services.yes("Upgrade_Enable")) {
            return false;
        }
        if (handOver.waiting()) {
            handOver.queue(url); // started once the swap of a replaced instance is done
            return active;
        }
        if (busy.get()) {
            return false;
        }
        submit(() -> begin("", url, "requested"));
        return active;
    }

    /**
     * Swaps back to the previous set and commits it after the health check, on the engine's
     * executor after an attempt under way; waits for it and returns its outcome.
     */
    public RollbackResult rollback() {
        CompletableFuture<RollbackResult> f;
        try {
            f = CompletableFuture.supplyAsync(this::rollbackNow, executor);
        } catch (RuntimeException e) {
            return new RollbackResult(false, "the upgrade service is stopping; nothing rolled back");
        }
        try {
            return f.get(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RollbackResult(false, "interrupted; the rollback goes on");
        } catch (ExecutionException | TimeoutException e) {
            return new RollbackResult(false, "the rollback failed: " + e);
        }
    }

    private RollbackResult rollbackNow() {
        FirmwareState st = firmware.state();
        if (st.pending() != null) {
            return new RollbackResult(false, "an upgrade is pending; nothing rolled back");
        }
        if (st.previous() == null) {
            return new RollbackResult(false, "there is no previous firmware to roll back to");
        }
        if (!busy.compareAndSet(false, true)) {
            return new RollbackResult(false, "an upgrade is under way; nothing rolled back");
        }
        try {
            Outcome o = switcher.rollback();
            LOG.info("{}", o.text());
            return new RollbackResult(o.kind() == Outcome.Kind.ROLLED_BACK, o.text());
        } catch (IOException e) {
            return new RollbackResult(false, "cannot roll back: " + e.getMessage());
        } finally {
            busy.set(false);
            board.publish(board.idle());
        }
    }

    // ---- what starts an evaluation

    /** {@code Upgrade_Rule} or {@code Upgrade_Enable} changed. */
    public void ruleChanged() {
        submit(() -> evaluate("Upgrade_Rule or Upgrade_Enable changed"));
    }

    /** A resync ended: the rule is evaluated after each one. */
    public void provisioningChanged(ProvisioningStatus s) {
        Instant finished = s.lastAttempt().map(r -> r.ended()).orElse(null);
        if (s.state() != ProvisioningStatus.State.RESYNCING && finished != null && !finished.equals(lastResyncSeen)) {
            lastResyncSeen = finished;
            submit(() -> evaluate("after a resync"));
        }
    }

    /** The lines became idle (or busy): an attempt waiting for idle lines starts. */
    public void idleChanged(boolean allIdle) {
        IdleGate.Waiting w = gate.waiting();
        if (allIdle && w != null) {
            submit(() -> resume(w));
        }
    }

    private void submit(Runnable r) {
        if (!active) {
            return;
        }
        try {
            executor.execute(r);
        } catch (RuntimeException e) {
            // shutting down
        }
    }

    // ---- the rule

    /** Evaluates Upgrade_Rule and starts an attempt if it asks for one. Runs on the executor. */
    void evaluate(String why) {
        if (!active || busy.get()) {
            return;
        }
        if (!services.yes("Upgrade_Enable")) {
            board.publish(board.idle());
            return;
        }
        RulePolicy.Decision d = policy.decide();
        if (d instanceof RulePolicy.Nothing n) {
            LOG.debug("{}", n.why());
        } else if (d instanceof RulePolicy.Unusable u) {
            LOG.error("Upgrade_Rule cannot be used: {}", u.message().substring("Upgrade_Rule: ".length()));
            board.publish(board.finished(u.message()));
        } else if (d instanceof RulePolicy.Later l) {
            schedule(services.clock().schedule(l.delay(),
                    () -> submit(() -> evaluate("retry after Upgrade_Error_Retry_Delay"))));
        } else if (d instanceof RulePolicy.Start st) {
            begin(st.rule(), st.url(), "Upgrade_Rule, " + why);
        }
    }

    /** Starts an attempt now if the lines are idle, else when they become idle. Executor. */
    private void begin(String rule, String url, String why) {
        if (!gate.idle()) {
            LOG.info("an upgrade to {} waits until the lines are idle", url);
            IdleGate.Waiting w = gate.hold(rule, url);
            schedule(services.clock().schedule(IdleGate.RECHECK, () -> submit(() -> resume(w))));
            board.publish(board.phase(UpgradeStatus.Phase.WAITING_FOR_IDLE, -1, url));
            return;
        }
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        gate.clear();
        LOG.info("upgrading from {} ({})", url, why);
        attempt(rule, url);
    }

    private void resume(IdleGate.Waiting w) {
        if (gate.still(w)) {
            begin(w.rule(), w.url(), "the lines are idle");
        }
    }

    private void schedule(Clock.Timer next) {
        Clock.Timer old = timer;
        timer = next;
        if (old != null && old != next) {
            old.cancel();
        }
    }

    // ---- an attempt

    /** One upgrade attempt; {@code busy} is held by the caller and released here. */
    private void attempt(String rule, String url) {
        Instant started = services.clock().now();
        AttemptRecord last = rule.isEmpty() ? AttemptRecord.read(boot.dataDir()) : AttemptRecord.readRule(boot.dataDir());
        int failuresBefore = last != null && !last.ok() && last.sameTarget(rule, url) ? last.failures() : 0;
        int upgst = failuresBefore > 0 ? 2 : 1;
        Path marker = boot.dataDir().resolve(UPGRADING_MARKER);
        try {
            Durable.save(marker, (url + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.debug("cannot write {}: {}", marker, e.getMessage());
        }
        syslog("Log_Upgrade_Request_Msg", false, url, "");
        Outcome outcome = image.run(url, started, upgst);
        if (outcome.ok()) {
            LOG.info("{}", outcome.text());
        } else {
            LOG.error("{}", outcome.text());
        }
        syslog(outcome.ok() ? "Log_Upgrade_Success_Msg" : "Log_Upgrade_Failure_Msg", !outcome.ok(), url, outcome.text());
        try {
            new AttemptRecord(rule, url, started, outcome.ok(), outcome.text(), outcome.ok() ? 0 : failuresBefore + 1)
                    .write(boot.dataDir());
        } catch (IOException e) {
            LOG.error("cannot record the upgrade attempt: {}", e.getMessage());
        }
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", marker, e.getMessage());
        }
        busy.set(false);
        UpgradeStatus done = new UpgradeStatus(UpgradeStatus.Phase.IDLE, -1, "", started, outcome.text(),
                outcome.ok() ? 1 : 2);
        if (!active) {
            board.set(done); // this component was replaced during the swap: the active one carries on
            return;
        }
        board.publish(done);
        afterAttempt(outcome.committed());
    }

    private void afterAttempt(boolean committed) {
        Provisioning p = services.provisioning().get().orElse(null);
        if (p != null && services.yes("Resync_After_Upgrade_Attempt")) {
            p.resync();
        }
        // multistage: a commit may make the rule pick the next image; a failure schedules its retry
        submit(() -> evaluate(committed ? "the next stage" : "after a failed attempt"));
    }

    private void publishIfActive(UpgradeStatus.Phase phase, String target) {
        if (active) {
            board.publish(board.phase(phase, -1, target));
        }
    }

    /** {@code Log_Upgrade_*}: the URL's parts and the result as macros, to syslog. */
    private void syslog(String parameter, boolean failure, String url, String err) {
        if (!active) {
            return;
        }
        ProvisioningLog l = services.log().await(Services.WAIT).orElse(null);
        if (l == null) {
            return;
        }
        try {
            l.log(parameter, failure, url, err);
        } catch (RuntimeException e) {
            LOG.debug("syslog: {}", e.toString());
        }
    }

    // ---- after a reboot, and after another instance's swap

    private void checkTrial() {
        busy.set(true);
        Optional<Outcome> o;
        try {
            o = trial.run(release -> board.publish(board.phase(UpgradeStatus.Phase.CHECKING, -1, release)),
                    () -> !active);
        } finally {
            busy.set(false);
        }
        if (o.isEmpty()) {
            return;
        }
        board.set(board.finished(o.get().text()));
        if (active) {
            board.publish(board.now());
            afterAttempt(o.get().committed());
        }
    }

    /** The swap another instance finished: carry on as if this one had run the attempt. */
    private void handedOver(String queued) {
        busy.set(false);
        if (queued != null) {
            submit(() -> begin("", queued, "requested"));
        }
        AttemptRecord last = AttemptRecord.read(boot.dataDir());
        board.publish(last == null ? board.idle() : StatusBoard.fromRecord(last));
        boolean newAttempt = last != null && !last.equals(lastAtStart);
        if (newAttempt) {
            // the instance that ran the attempt was replaced by the swap before it could say so
            syslog(last.ok() ? "Log_Upgrade_Success_Msg" : "Log_Upgrade_Failure_Msg", !last.ok(), last.url(),
                    last.result());
            submit(() -> afterAttempt(last.ok()));
        } else {
            submit(() -> evaluate("after a rollback"));
        }
    }
}
