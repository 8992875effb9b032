package org.mppfw.provisioning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.line.LineState;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.api.provisioning.RuleSyntaxException;
import org.mppfw.api.service.ServiceSlot;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.provisioning.internal.schedule.ResyncPolicy;
import org.mppfw.provisioning.internal.schedule.ResyncPolicy.Due;
import org.mppfw.provisioning.internal.schedule.ResyncPolicy.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When resyncs run: the schedule of {@link ResyncPolicy}, and the gates a scheduled resync passes,
 * in this order, when it falls due: {@code Provision_Enable}; {@code Resync_Trigger_1/2} (when
 * either is set, at least one must hold, else they are checked again every
 * {@link #TRIGGER_RECHECK}); idle lines (a due resync waits while a line is busy, checked every
 * {@link #IDLE_RECHECK}, at most {@code Forced_Resync_Delay} after it became due, then it runs
 * anyway). Explicit resyncs skip the triggers and the idle gate, as the reference says of SIP and
 * web requests. The result of each attempt decides the next one.
 *
 * <p>Every method runs on the engine's serial executor; timers only hand work to it.
 */
final class ResyncScheduler {

    /** How often false triggers are evaluated again (a choice: the reference gives no period). */
    static final Duration TRIGGER_RECHECK = Duration.ofSeconds(60);
    /** How often a due resync looks again whether the lines are idle. */
    static final Duration IDLE_RECHECK = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ResyncScheduler.class);

    private final ParameterStore store;
    private final Clock clock;
    private final Executor executor;
    private final ProvisioningRules rules;
    private final PhoneMacros phoneMacros;
    private final ServiceSlot<LineState> lines;
    private final ResyncPolicy policy;
    private final AttemptRunner attempts;
    private final ResyncHistory history;
    private final StatusPublisher publisher;

    private Clock.Timer timer;
    private Due planned;
    private Instant dueSince;
    private boolean stopped;

    ResyncScheduler(ResyncEngine.Services services, Executor executor, ResyncPolicy policy, AttemptRunner attempts,
            ResyncHistory history, StatusPublisher publisher) {
        this.store = services.store();
        this.clock = services.clock();
        this.rules = services.rules();
        this.phoneMacros = services.macros();
        this.lines = services.lines();
        this.executor = executor;
        this.policy = policy;
        this.attempts = attempts;
        this.history = history;
        this.publisher = publisher;
    }

    /** Power-on: a resync within {@code Resync_Random_Delay} when {@code Resync_On_Reset} says so. */
    void powerUp() {
        if (!Params.enabled(store)) {
            publish(ProvisioningStatus.State.DISABLED, null);
            return;
        }
        plan(policy.afterPowerUp(clock.now(), Params.schedule(store)));
    }

    /** An explicit resync: now, whatever was planned. */
    void explicit(String rule) {
        if (!stopped) {
            cancelTimer();
            run(Reason.EXPLICIT, rule);
        }
    }

    /**
     * {@code Provision_Enable} changed: No stops the schedule at once; Yes starts it again as at
     * power-up (a resync within {@code Resync_Random_Delay}).
     */
    void enableChanged() {
        if (stopped) {
            return;
        }
        if (!Params.enabled(store)) {
            cancelTimer();
            planned = null;
            LOG.info("provisioning disabled (Provision_Enable No)");
            publish(ProvisioningStatus.State.DISABLED, null);
        } else if (planned == null && timer == null) {
            LOG.info("provisioning enabled (Provision_Enable Yes)");
            plan(policy.afterPowerUp(clock.now(), Params.schedule(store)));
        }
    }

    /** Nothing runs after this. */
    void stop() {
        stopped = true;
        cancelTimer();
    }

    private void plan(Optional<Due> due) {
        cancelTimer();
        planned = due.orElse(null);
        dueSince = null;
        if (planned != null) {
            Duration delay = Duration.between(clock.now(), planned.at());
            timer = clock.schedule(delay.isNegative() ? Duration.ZERO : delay, () -> executor.execute(this::due));
            LOG.info("next resync ({}) at {}", StatusPublisher.reasonName(planned.reason()), planned.at());
        } else {
            LOG.info("no resync planned");
        }
        publish(Params.enabled(store) ? ProvisioningStatus.State.IDLE : ProvisioningStatus.State.DISABLED, null);
    }

    private void recheck(Duration after) {
        cancelTimer();
        timer = clock.schedule(after, () -> executor.execute(this::due));
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** A planned resync fell due (or is being looked at again). */
    private void due() {
        if (stopped || planned == null) {
            return;
        }
        if (!Params.enabled(store)) {
            LOG.info("resync skipped: Provision_Enable is No");
            planned = null;
            publish(ProvisioningStatus.State.DISABLED, null);
            return;
        }
        Instant now = clock.now();
        if (dueSince == null) {
            dueSince = now;
        }
        String t1 = Params.get(store, "Resync_Trigger_1");
        String t2 = Params.get(store, "Resync_Trigger_2");
        boolean anyTrigger = !Params.blank(t1) || !Params.blank(t2);
        if (anyTrigger && !(trigger(t1) || trigger(t2))) {
            LOG.debug("resync due but no trigger holds; checking again in {}", TRIGGER_RECHECK);
            recheck(TRIGGER_RECHECK);
            return;
        }
        LineState l = lines.get().orElse(null);
        if (l != null && !l.allIdle()) {
            Duration waited = Duration.between(dueSince, now);
            Duration forced = Params.schedule(store).forcedResyncDelay();
            if (waited.compareTo(forced) < 0) {
                publish(ProvisioningStatus.State.WAITING_FOR_IDLE, null);
                Duration left = forced.minus(waited);
                recheck(left.compareTo(IDLE_RECHECK) < 0 ? left : IDLE_RECHECK);
                return;
            }
            LOG.info("resync forced after waiting {} s for idle lines (Forced_Resync_Delay)", waited.toSeconds());
        }
        Reason reason = planned.reason();
        planned = null;
        run(reason, null);
    }

    private boolean trigger(String condition) {
        if (Params.blank(condition)) {
            return false;
        }
        try {
            return rules.test(condition, phoneMacros.now());
        } catch (RuleSyntaxException | RuleEvaluationException e) {
            LOG.warn("Resync_Trigger '{}' cannot be evaluated: {}", condition, e.getMessage());
            return false;
        }
    }

    /** Runs one attempt, keeps its record, and plans the next from its result. */
    private void run(Reason reason, String rule) {
        AttemptRunner.Outcome o = attempts.run(reason, rule, () -> publish(ProvisioningStatus.State.RESYNCING, reason));
        history.add(o.record());
        Instant ended = o.record().ended();
        Optional<Due> next = policy.afterAttempt(ended, clock.rules(), o.record().result() == ResultClass.A,
                Params.schedule(store));
        if (o.retryAfter() != null && next.isPresent() && next.get().reason() == Reason.RETRY) {
            Instant asked = ended.plus(o.retryAfter());
            if (asked.isAfter(next.get().at())) {
                next = Optional.of(new Due(asked, Reason.RETRY)); // the server's Retry-After is longer
            }
        }
        plan(next);
    }

    private void publish(ProvisioningStatus.State state, Reason running) {
        publisher.publish(state, history.latest(), planned, running, policy.failuresInARow());
    }
}
