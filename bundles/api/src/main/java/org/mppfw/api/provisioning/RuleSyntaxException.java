package org.mppfw.api.provisioning;

/**
 * A rule or condition that cannot be parsed. The message reads
 * {@code column 14: expected ')?' or ')!' to close '(' at column 1}.
 */
public class RuleSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int column;
    private final String expected;

    /**
     * @param column   1-based column of the offending character (the text's length + 1 at its end)
     * @param expected what would have been valid there
     */
    public RuleSyntaxException(int column, String expected) {
        super("column " + column + ": expected " + expected);
        this.column = column;
        this.expected = expected;
    }

    /** The 1-based column of the offending character; the length + 1 when the text ended too early. */
    public int column() {
        return column;
    }

    /** What would have been valid at {@link #column()}. */
    public String expected() {
        return expected;
    }
}
