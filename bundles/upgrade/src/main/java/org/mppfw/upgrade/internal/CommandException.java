package org.mppfw.upgrade.internal;

/**
 * A shell command's failure: the message for the operator, no stack trace. The shell prints
 * {@link #toString()}, so it reads {@code Error: <message>}.
 */
final class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message, null, false, false);
    }

    @Override
    public String toString() {
        return "Error: " + getMessage();
    }
}
