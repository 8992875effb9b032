package org.mppfw.provisioning.internal;

import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.provisioning.internal.Condition.Comparison;
import org.mppfw.provisioning.internal.Condition.Operator;

/**
 * Evaluates a condition against macro values. Each operand is expanded (never with secrets),
 * then typed ({@link Value}). Two integers compare as numbers, two versions of the same kind as
 * versions (major, minor, micro, build; the model prefix is ignored), anything else only for
 * {@code =}/{@code !=}, as text. Refused, as {@link RuleEvaluationException}: an ordering
 * operator on values that are not both integers or both versions of one kind, and any
 * comparison between Cisco's old ({@code 11-0-1MPP-376}) and new ({@code 11-3-2MPP0001-609})
 * formats, which the reference calls an error.
 */
final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    static boolean test(Condition condition, MacroSource macros) throws RuleEvaluationException {
        for (Comparison c : condition.comparisons()) {
            if (!test(c, macros)) {
                return false;
            }
        }
        return true;
    }

    static boolean test(Comparison c, MacroSource macros) throws RuleEvaluationException {
        Value a = Value.of(MacroExpander.expand(c.left().text(), macros, false), c.left().quoted());
        Value b = Value.of(MacroExpander.expand(c.right().text(), macros, false), c.right().quoted());
        Operator op = c.operator();
        Integer order = order(a, b, c);
        if (order != null) {
            return op.test(order);
        }
        if (op.ordering) {
            throw new RuleEvaluationException(c.column(), "'" + op.mnemonic
                    + "' orders only integers or versions, not '" + a.text() + "' and '" + b.text() + "'");
        }
        return op.test(a.text().equals(b.text()) ? 0 : 1);
    }

    /** The order of two values of one ordered kind, or {@code null} if they are not. */
    private static Integer order(Value a, Value b, Comparison c) throws RuleEvaluationException {
        if (a instanceof Value.Int x && b instanceof Value.Int y) {
            return x.number().compareTo(y.number());
        }
        if (a instanceof Value.Cisco x && b instanceof Value.Cisco y) {
            if (x.version().isNewFormat() != y.version().isNewFormat()) {
                throw new RuleEvaluationException(c.column(), "cannot compare versions of Cisco's old and new"
                        + " formats: '" + a.text() + "' and '" + b.text() + "'");
            }
            return x.version().compareTo(y.version());
        }
        if (a instanceof Value.Dotted x && b instanceof Value.Dotted y) {
            return x.compareTo(y);
        }
        return null;
    }
}
