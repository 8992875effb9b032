package org.mppfw.provisioning.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.RuleDecision;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleSyntaxException;
import org.mppfw.api.service.ServiceSlot;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Shell commands of scope {@code prov}: show what a text or a rule expands to on this phone now.
 * They never print a secret: {@code $SA..$SD} stay as written outside options, and the
 * {@code --key}/{@code --pwd} values (and a {@code --uid} made of a secret) are masked. The
 * macros are the phone's ({@link PhoneMacros}); those of one resync event ({@code $PRVST},
 * {@code $SCHEME}, {@code $ERR}, ...) have no value here.
 */
@Component(service = ProvCommands.class, property = {
    "osgi.command.scope=prov",
    "osgi.command.function=expand",
    "osgi.command.function=eval"
})
public final class ProvCommands {

    /** The parameters holding rules, and how each is read. */
    private static final Map<String, RuleKind> RULE_PARAMETERS = Map.of("Profile_Rule", RuleKind.PROFILE,
            "Profile_Rule_B", RuleKind.PROFILE, "Profile_Rule_C", RuleKind.PROFILE, "Profile_Rule_D",
            RuleKind.PROFILE, "Upgrade_Rule", RuleKind.UPGRADE, "Report_Rule", RuleKind.REPORT);

    private final ParameterStore store;
    private final PhoneMacros phoneMacros;
    private final ProvisioningRulesImpl rules = new ProvisioningRulesImpl();
    private final ServiceSlot<Discovery> discovery = new ServiceSlot<>("discovery");

    @Activate
    public ProvCommands(@Reference ParameterStore store, @Reference PhoneMacros macros) {
        this.store = store;
        this.phoneMacros = macros;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setDiscovery(Discovery d) {
        discovery.set(d);
    }

    void unsetDiscovery(Discovery d) {
        discovery.unset(d);
    }

    @Descriptor("expand the macros of a text ($SA..$SD stay as written)")
    public String expand(@Descriptor("text, e.g. '/$PSN.xml' (quote it in single quotes)") String text) {
        return rules.expand(text, macros());
    }

    @Descriptor("evaluate a profile rule, or the current value of a rule parameter (Profile_Rule, "
            + "Profile_Rule_B..D, Upgrade_Rule, Report_Rule, Resync_Trigger_1/2)")
    public String eval(@Descriptor("rule text, or a parameter name") String ruleOrParameter) {
        if (ruleOrParameter.startsWith("Resync_Trigger_")) {
            return trigger(ruleOrParameter);
        }
        RuleKind kind = RULE_PARAMETERS.get(ruleOrParameter);
        if (kind != null) {
            return evaluate(kind, store.get(ruleOrParameter), ruleOrParameter);
        }
        return evaluate(RuleKind.PROFILE, ruleOrParameter, null);
    }

    @Descriptor("evaluate a rule of a given kind")
    public String eval(@Descriptor("profile, upgrade or report") String kind,
            @Descriptor("rule text (quote it in single quotes)") String rule) {
        RuleKind k;
        try {
            k = RuleKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandException("unknown kind '" + kind + "': use profile, upgrade or report");
        }
        return evaluate(k, rule, null);
    }

    /** Two lines: the rule (masked, normal form) and the decision; {@code parameter} may be null. */
    private String evaluate(RuleKind kind, String rule, String parameter) {
        String prefix = parameter == null ? "" : parameter + ": ";
        try {
            String shown = rules.describe(rule, kind);
            RuleDecision d = rules.evaluate(rule, kind, macros());
            return (parameter == null ? "" : parameter + " = ") + (shown.isEmpty() ? "(empty)" : shown)
                    + System.lineSeparator() + d + servers(kind, d, parameter == null ? "Profile_Rule" : parameter);
        } catch (RuleSyntaxException e) {
            throw new CommandException(prefix + e.getMessage() + pointer(rule, e.column()));
        } catch (RuleEvaluationException e) {
            throw new CommandException(prefix + e.getMessage() + pointer(rule, e.column()));
        }
    }

    /**
     * For a profile rule without a server, or with {@code --srv}: a line with the servers the
     * resync would try now, as it finds them (DHCP options, DNS SRV), or why it has none.
     */
    private String servers(RuleKind kind, RuleDecision d, String name) {
        if (kind != RuleKind.PROFILE || d.url() == null || !(d.url().hostFromDhcp() || d.options().srv())) {
            return "";
        }
        String line;
        try {
            ServerChoice.Candidates c = ServerChoice.candidates(d.url(), d.options().srv(), discovery.get().orElse(null),
                    t -> rules.expand(t, macros()));
            line = "servers" + (c.via() == null ? "" : " from " + c.via()) + ": " + c.uris().stream()
                    .map(URI::toString).collect(Collectors.joining(", "));
        } catch (ServerChoice.NoServer e) {
            line = "no server: " + e.getMessage() + (e.nowhereToLook ? ": " + RuleRunner.setServerHint(name) : "");
        }
        return System.lineSeparator() + line;
    }

    private String trigger(String parameter) {
        String condition = store.get(parameter);
        if (condition.isBlank()) {
            return parameter + " is empty: it does not hold a resync back";
        }
        try {
            return parameter + " = " + condition + System.lineSeparator()
                    + (rules.test(condition, macros()) ? "true" : "false");
        } catch (RuleSyntaxException | RuleEvaluationException e) {
            throw new CommandException(parameter + ": " + e.getMessage() + pointer(condition, columnOf(e)));
        }
    }

    private static int columnOf(Exception e) {
        return e instanceof RuleSyntaxException s ? s.column() : ((RuleEvaluationException) e).column();
    }

    /**
     * The text with a caret under the column, unless the text holds a key or a password (which
     * must not be printed) or spans several lines.
     */
    static String pointer(String text, int column) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("--key") || lower.contains("--pwd") || lower.contains("--uid") || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return "";
        }
        return System.lineSeparator() + "  " + text + System.lineSeparator() + "  " + " ".repeat(column - 1) + "^";
    }

    private MacroSource macros() {
        return phoneMacros.now();
    }
}
