package org.mppfw.provisioning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.provisioning.internal.schedule.ResyncPolicy.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One resync attempt: {@code Profile_Rule}, {@code _B}, {@code _C}, {@code _D} in sequence (or one
 * rule text asked for), each read and evaluated when its turn comes, so that a file can change the
 * rules after it. The first failure ends the sequence. The attempt's macro values are
 * {@code $PRVST} and the phone's timers ({@code $PRVTMR $UPGTMR $UPGST $UPGERR}) as they stood at
 * its start; each rule adds its URL's and its result's.
 */
final class AttemptRunner {

    /** The profile rules, in the order they run. */
    static final List<String> RULES = List.of("Profile_Rule", "Profile_Rule_B", "Profile_Rule_C", "Profile_Rule_D");
    /** The phone's macros that an attempt keeps as they were at its start. */
    static final List<String> TIMERS = List.of("PRVTMR", "UPGTMR", "UPGST", "UPGERR");

    private static final Logger LOG = LoggerFactory.getLogger(AttemptRunner.class);

    private final ParameterStore store;
    private final Clock clock;
    private final PhoneMacros phoneMacros;
    private final RuleRunner rules;

    AttemptRunner(ParameterStore store, Clock clock, PhoneMacros macros, RuleRunner rules) {
        this.store = store;
        this.clock = clock;
        this.phoneMacros = macros;
        this.rules = rules;
    }

    /**
     * The end of an attempt.
     *
     * @param retryAfter how long the server asked the phone to wait (Retry-After), or null
     */
    record Outcome(ResyncRecord record, Duration retryAfter) {
    }

    /**
     * Runs one attempt.
     *
     * @param rule  null for the configured rules, else the rule text to run once
     * @param begun called once the attempt's values are taken, before any rule runs (the status
     *              turns {@code RESYNCING}, and {@code $PRVTMR} counts from this attempt)
     */
    Outcome run(Reason reason, String rule, Runnable begun) {
        Instant started = clock.now();
        Map<String, String> event = timersAtStart();
        event.put("PRVST", Integer.toString(reason.prvst()));
        begun.run();
        List<String> changed = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        String lastRule = "";
        String lastUrl = "";
        String decoding = "";
        ResultClass result = ResultClass.A;
        int status = 0;
        String message = "nothing to do";
        Duration retryAfter = null;
        List<String> ruleNames = rule == null ? RULES : List.of("request");
        for (String name : ruleNames) {
            String text = rule == null ? Params.get(store, name) : rule;
            if (Params.blank(text)) {
                continue;
            }
            Step step = rules.run(name, text, event, changed, rejected);
            if (step == null) {
                continue; // nothing to do for this rule
            }
            lastRule = name;
            lastUrl = step.url();
            steps.add(step.describe(name));
            decoding = step.attempt() == null ? "" : step.attempt().decoding();
            if (!step.passed()) {
                result = step.resultClass();
                message = step.message();
                retryAfter = step.attempt() == null ? null : step.attempt().retryAfter();
                status = step.attempt() == null ? 0 : step.attempt().status();
                break;
            }
            message = step.message();
        }
        ResyncRecord record = new ResyncRecord(started, clock.now(), StatusPublisher.reasonName(reason), lastRule, lastUrl,
                result, message, decoding, changed, rejected, steps, status);
        LOG.info("resync ({}) {}: {}", StatusPublisher.reasonName(reason),
                result == ResultClass.A ? "succeeded" : "failed (class " + result + ")", message);
        return new Outcome(record, retryAfter);
    }

    private Map<String, String> timersAtStart() {
        MacroSource now = phoneMacros.now();
        Map<String, String> m = new HashMap<>();
        for (String name : TIMERS) {
            String v = now.value(name);
            if (v != null) {
                m.put(name, v);
            }
        }
        return m;
    }
}
