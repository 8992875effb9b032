package org.mppfw.provisioning.internal;

import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.RuleDecision;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleSyntaxException;

/** Short calls for tests. */
final class Rules {

    private static final ProvisioningRulesImpl RULES = new ProvisioningRulesImpl();

    private Rules() {
    }

    static RuleDecision profile(String rule) throws RuleSyntaxException, RuleEvaluationException {
        return RULES.evaluate(rule, RuleKind.PROFILE, Phone.source());
    }

    static RuleDecision eval(String rule, RuleKind kind, MacroSource s)
            throws RuleSyntaxException, RuleEvaluationException {
        return RULES.evaluate(rule, kind, s);
    }

    static boolean test(String condition, MacroSource s) throws RuleSyntaxException, RuleEvaluationException {
        return RULES.test(condition, s);
    }
}
