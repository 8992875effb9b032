package org.mppfw.upgrade.internal.swap;

/** The framework refused part of a swap. */
public final class SwapException extends Exception {

    private static final long serialVersionUID = 1L;

    public SwapException(String message, Throwable cause) {
        super(message, cause);
    }
}
