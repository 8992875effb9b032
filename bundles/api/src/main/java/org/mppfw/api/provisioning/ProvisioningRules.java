package org.mppfw.api.provisioning;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Parses, expands and evaluates provisioning rules. Stateless: the caller supplies the
 * macro values (parameter store, device identity, provisioning state).
 */
@ProviderType
public interface ProvisioningRules {

    /**
     * Checks a rule's syntax without evaluating it (web page, keypad entry, profile applier).
     *
     * @throws RuleSyntaxException with the 1-based column and what was expected there
     */
    void check(String rule, RuleKind kind) throws RuleSyntaxException;

    /**
     * Chooses the alternative that applies now and resolves what it asks for.
     *
     * @throws RuleSyntaxException     if the rule cannot be parsed
     * @throws RuleEvaluationException if a condition compares values that cannot be compared, or
     *                                 the chosen URL is invalid once expanded
     */
    RuleDecision evaluate(String rule, RuleKind kind, MacroSource macros)
            throws RuleSyntaxException, RuleEvaluationException;

    /**
     * Evaluates a bare condition ({@code Resync_Trigger_1}: {@code $UPGTMR gt 300 and $PRVTMR ge 600}).
     * An empty condition is true.
     */
    boolean test(String condition, MacroSource macros) throws RuleSyntaxException, RuleEvaluationException;

    /**
     * Expands the macros of a text outside any option: {@code $SA..$SD} stay as written, so the
     * result can be shown to a user.
     */
    String expand(String text, MacroSource macros);
}
