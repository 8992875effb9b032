package org.mppfw.provisioning.internal;

import java.util.ArrayList;
import java.util.List;

import org.mppfw.api.provisioning.RuleSyntaxException;
import org.mppfw.provisioning.internal.Condition.Comparison;
import org.mppfw.provisioning.internal.Condition.Operand;
import org.mppfw.provisioning.internal.Condition.Operator;

/**
 * Parses {@code comparison { "and" comparison }} where a comparison is
 * {@code [ operand ] operator operand}. Operators: {@code = eq != ne < lt <= le > gt >= ge}, and
 * the legacy {@code !} for not-equal; mnemonics and {@code and} in any case. With no left
 * operand the comparison is about {@code $SWVER} (legacy: {@code ( ! 1.0.33 )?}). Ordering
 * operators refuse quoted strings, and two literal versions of Cisco's old and new formats
 * cannot be compared: both are syntax errors.
 */
final class ConditionParser {

    static final String OPERATORS = "an operator: = eq != ne < lt <= le > gt >= ge";
    static final String VALUE = "a value: an integer, a version, a \"string\" or a $MACRO";

    private final String s;
    private final int end;
    private final String after;
    private int pos;

    /** A token: operator text, a bare word, or a string (text without quotes). */
    private record Token(String text, boolean quoted, int at) {
    }

    private ConditionParser(String s, int from, int end, String after) {
        this.s = s;
        this.pos = from;
        this.end = end;
        this.after = after;
    }

    /**
     * Parses {@code s[from, end)}; columns are reported within {@code s}.
     *
     * @param after what may follow the condition, for messages ({@code "')?'"})
     */
    static Condition parse(String s, int from, int end, String after) throws RuleSyntaxException {
        return new ConditionParser(s, from, end, after).condition();
    }

    private Condition condition() throws RuleSyntaxException {
        List<Comparison> list = new ArrayList<>();
        Token t = next();
        if (t == null) {
            throw new RuleSyntaxException(pos + 1, "a comparison such as $PRVTMR ge 600");
        }
        while (true) {
            list.add(comparison(t));
            Token n = next();
            if (n == null) {
                return new Condition(list);
            }
            if (n.quoted || !n.text.equalsIgnoreCase("and")) {
                throw new RuleSyntaxException(n.at + 1, "'and' or " + after);
            }
            t = next();
            if (t == null) {
                throw new RuleSyntaxException(pos + 1, "a comparison after 'and'");
            }
        }
    }

    private Comparison comparison(Token first) throws RuleSyntaxException {
        Operator op = operator(first);
        Operand left;
        boolean implicit = op != null;
        if (implicit) {
            left = Operand.swver(first.at + 1);
        } else {
            left = operand(first);
            Token o = next();
            op = o == null ? null : operator(o);
            if (op == null) {
                throw new RuleSyntaxException(o == null ? pos + 1 : o.at + 1, OPERATORS);
            }
        }
        Token r = next();
        if (r == null || operator(r) != null || !r.quoted && r.text.equalsIgnoreCase("and")) {
            throw new RuleSyntaxException(r == null ? pos + 1 : r.at + 1, VALUE);
        }
        Operand right = operand(r);
        if (op.ordering && (left.quoted() || right.quoted())) {
            Operand q = left.quoted() ? left : right;
            throw new RuleSyntaxException(q.column(),
                    "an integer or a version: '" + op.mnemonic + "' does not order strings");
        }
        checkLiteralVersions(left, right);
        return new Comparison(left, implicit, op, right, first.at + 1);
    }

    private static void checkLiteralVersions(Operand left, Operand right) throws RuleSyntaxException {
        if (left.quoted() || right.quoted() || left.text().indexOf('$') >= 0 || right.text().indexOf('$') >= 0) {
            return;
        }
        Value a = Value.of(left.text(), false);
        Value b = Value.of(right.text(), false);
        if (a instanceof Value.Cisco x && b instanceof Value.Cisco y
                && x.version().isNewFormat() != y.version().isNewFormat()) {
            throw new RuleSyntaxException(right.column(), "a version in the same format as " + left.text());
        }
    }

    private static Operand operand(Token t) {
        return new Operand(t.text, t.quoted, t.at + 1);
    }

    private static Operator operator(Token t) {
        return t.quoted ? null : Operator.of(t.text);
    }

    private Token next() throws RuleSyntaxException {
        while (pos < end && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
        if (pos >= end) {
            return null;
        }
        int at = pos;
        char c = s.charAt(pos);
        if (c == '"') {
            int close = s.indexOf('"', pos + 1);
            if (close < 0 || close >= end) {
                throw new RuleSyntaxException(end + 1, "'\"' to close the string at column " + (at + 1));
            }
            pos = close + 1;
            return new Token(s.substring(at + 1, close), true, at);
        }
        if (c == '=' || c == '!' || c == '<' || c == '>') {
            pos++;
            if (c != '=' && pos < end && s.charAt(pos) == '=') {
                pos++;
            }
            return new Token(s.substring(at, pos), false, at);
        }
        while (pos < end) {
            char d = s.charAt(pos);
            if (Character.isWhitespace(d) || d == '"' || d == '=' || d == '!' || d == '<' || d == '>') {
                break;
            }
            pos++;
        }
        return new Token(s.substring(at, pos), false, at);
    }
}
