package org.mppfw.upgrade.internal.engine;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.provisioning.ProvisioningUrl;
import org.mppfw.api.provisioning.RuleDecision;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleSyntaxException;
import org.mppfw.upgrade.internal.state.AttemptRecord;

/**
 * {@code Upgrade_Rule} and its retry: what the rule asks for now. The assignments of the
 * alternative the rule picks ({@code (Phone-UI-User-Mode="Yes";)! http://...}) are applied to the
 * parameters at each evaluation, before any attempt, as those of a profile rule are; when the
 * store refuses them the rule cannot be used. A rule and URL that succeeded
 * are not tried again until one of them changes; a failed one only after
 * {@code Upgrade_Error_Retry_Delay} (the n-th failure in a row takes the n-th delay).
 */
final class RulePolicy {

    /** What to do. */
    sealed interface Decision {
    }

    /** Nothing to do now. */
    record Nothing(String why) implements Decision {
    }

    /** The rule cannot be used: the report for the status. */
    record Unusable(String message) implements Decision {
    }

    /** Evaluate again after a delay (a failed attempt's retry). */
    record Later(Duration delay) implements Decision {
    }

    /** Start an attempt. */
    record Start(String rule, String url) implements Decision {
    }

    private final Services services;
    private final Firmware firmware;
    private final RandomGenerator random;

    RulePolicy(Services services, Firmware firmware, RandomGenerator random) {
        this.services = services;
        this.firmware = firmware;
        this.random = random;
    }

    Decision decide() {
        String rule = services.store().get("Upgrade_Rule");
        if (rule == null || rule.isBlank()) {
            return new Nothing("no Upgrade_Rule");
        }
        ProvisioningRules rules = services.rules().await(Services.WAIT).orElse(null);
        PhoneMacros macros = services.macros().await(Services.WAIT).orElse(null);
        if (rules == null || macros == null) {
            return new Unusable("Upgrade_Rule: no " + (rules == null ? services.rules() : services.macros())
                    + " is running");
        }
        RuleDecision d;
        try {
            MacroSource values = macros.now();
            d = rules.evaluate(rule, RuleKind.UPGRADE, values);
        } catch (RuleSyntaxException | RuleEvaluationException e) {
            return new Unusable("Upgrade_Rule: " + e.getMessage());
        }
        if (!d.assignments().isEmpty()) {
            try {
                services.store().setAll(d.assignments(), ChangeSource.SYSTEM);
            } catch (IOException | RuntimeException e) {
                return new Unusable("Upgrade_Rule: assignments refused: " + e.getMessage());
            }
        }
        if (d.url() == null) {
            return new Nothing("Upgrade_Rule picks no image (" + d.reason() + ")");
        }
        String url = effectiveUrl(d.url());
        FirmwareVersion named = Firmware.versionInName(d.url().path());
        if (named != null && named.compareTo(firmware.running()) == 0) {
            return new Nothing("Upgrade_Rule names the running version " + named);
        }
        AttemptRecord last = AttemptRecord.readRule(firmware.dataDir());
        if (last != null && last.sameTarget(rule, url)) {
            if (last.ok()) {
                return new Nothing("tried already"); // not attempted again until the rule or the URL changes
            }
            Duration delay = RetryDelays.parse(services.store().get("Upgrade_Error_Retry_Delay"))
                    .after(last.failures(), random);
            if (delay == null) {
                return new Nothing("Upgrade_Error_Retry_Delay says no retry");
            }
            Instant due = last.started().plus(delay);
            Instant now = services.clock().now();
            if (now.isBefore(due)) {
                return new Later(Duration.between(now, due));
            }
        }
        return new Start(rule, url);
    }

    /** scheme://server:port/path of a rule's URL. */
    static String effectiveUrl(ProvisioningUrl u) {
        String h = u.host().indexOf(':') >= 0 ? "[" + u.host() + "]" : u.host();
        return u.scheme().token() + "://" + h + ":" + u.port() + u.path();
    }
}
