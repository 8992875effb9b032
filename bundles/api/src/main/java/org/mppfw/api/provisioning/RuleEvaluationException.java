package org.mppfw.api.provisioning;

/**
 * A well-formed rule that cannot be evaluated in the current state: a comparison of values
 * that cannot be ordered (strings with {@code lt}, an integer with a version, the old and new
 * version formats), or a URL that is not valid once its macros are expanded.
 */
public class RuleEvaluationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int column;

    /**
     * @param column 1-based column in the rule of the comparison or URL at fault
     */
    public RuleEvaluationException(int column, String message) {
        super("column " + column + ": " + message);
        this.column = column;
    }

    /** The 1-based column in the rule of the comparison or URL at fault. */
    public int column() {
        return column;
    }
}
