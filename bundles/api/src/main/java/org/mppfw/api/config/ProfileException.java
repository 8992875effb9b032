package org.mppfw.api.config;

/** A profile that cannot be applied at all: not well-formed, too big, hostile. Nothing changed. */
public class ProfileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public ProfileException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    public ProfileException(String message) {
        this(message, 0, 0, null);
    }

    /** Line of the error, 1-based, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** Column of the error, 1-based, or 0 when unknown. */
    public int column() {
        return column;
    }
}
