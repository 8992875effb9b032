package org.mppfw.provisioning.internal;

import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.provisioning.RuleDecision;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleSyntaxException;
import org.osgi.service.component.annotations.Component;

/** The rule service: parser, condition evaluator, macro expander and URL resolver together. */
@Component(service = ProvisioningRules.class)
public final class ProvisioningRulesImpl implements ProvisioningRules {

    @Override
    public void check(String rule, RuleKind kind) throws RuleSyntaxException {
        RuleParser.parse(rule, kind);
    }

    @Override
    public RuleDecision evaluate(String rule, RuleKind kind, MacroSource macros)
            throws RuleSyntaxException, RuleEvaluationException {
        return RuleEvaluator.evaluate(RuleParser.parse(rule, kind), macros);
    }

    @Override
    public boolean test(String condition, MacroSource macros) throws RuleSyntaxException, RuleEvaluationException {
        Condition c = RuleParser.parseCondition(condition);
        return c == null || ConditionEvaluator.test(c, macros);
    }

    @Override
    public String expand(String text, MacroSource macros) {
        return MacroExpander.expand(text, macros, false);
    }

    /** The rule in normal form with {@code --key} and {@code --pwd} masked, for logs and the shell. */
    public String describe(String rule, RuleKind kind) throws RuleSyntaxException {
        return RuleParser.parse(rule, kind).toString();
    }
}
