package org.mppfw.provisioning.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed condition: comparisons joined by {@code and}.
 *
 * @param comparisons at least one
 */
record Condition(List<Comparison> comparisons) {

    Condition {
        comparisons = List.copyOf(comparisons);
    }

    /** The operators, each with its symbolic and mnemonic spelling. */
    enum Operator {
        EQ("=", "eq", false), NE("!=", "ne", false), LT("<", "lt", true), LE("<=", "le", true),
        GT(">", "gt", true), GE(">=", "ge", true);

        final String symbol;
        final String mnemonic;
        final boolean ordering;

        Operator(String symbol, String mnemonic, boolean ordering) {
            this.symbol = symbol;
            this.mnemonic = mnemonic;
            this.ordering = ordering;
        }

        /** The operator a token spells ({@code !} alone is the legacy not-equal), or {@code null}. */
        static Operator of(String token) {
            if (token.equals("!")) {
                return NE;
            }
            for (Operator o : values()) {
                if (o.symbol.equals(token) || o.mnemonic.equalsIgnoreCase(token)) {
                    return o;
                }
            }
            return null;
        }

        /** Whether a comparison result ({@code <0}, {@code 0}, {@code >0}) satisfies this operator. */
        boolean test(int c) {
            return switch (this) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }
    }

    /**
     * A value as written: a double-quoted string (compared as a string after expansion) or a
     * bare word (an integer, a version, or a macro whose value is typed after expansion).
     *
     * @param text   without the quotes
     * @param quoted whether it was written in double quotes
     * @param column 1-based column of its first character in the rule
     */
    record Operand(String text, boolean quoted, int column) {

        /** The implicit left operand of the legacy form {@code ( ! 1.0.33 )?}. */
        static Operand swver(int column) {
            return new Operand("$SWVER", false, column);
        }

        @Override
        public String toString() {
            return quoted ? '"' + text + '"' : text;
        }
    }

    /**
     * One comparison.
     *
     * @param left     the left operand ({@code $SWVER} when none was written)
     * @param implicit whether the left operand was left out (legacy form)
     * @param column   1-based column where the comparison starts
     */
    record Comparison(Operand left, boolean implicit, Operator operator, Operand right, int column) {

        @Override
        public String toString() {
            return (implicit ? "" : left + " ") + operator.mnemonic + " " + right;
        }
    }

    @Override
    public String toString() {
        return comparisons.stream().map(Comparison::toString).collect(Collectors.joining(" and "));
    }
}
