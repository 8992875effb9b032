package org.mppfw.api.transport;

import java.io.IOException;
import java.util.Objects;

/** A transfer that failed, with its result class. The message names no secret. */
public class TransportException extends IOException {

    private static final long serialVersionUID = 1L;

    private final ResultClass resultClass;
    private final int status;

    public TransportException(ResultClass resultClass, int status, String message, Throwable cause) {
        super(message, cause);
        this.resultClass = Objects.requireNonNull(resultClass);
        this.status = status;
    }

    public TransportException(ResultClass resultClass, String message) {
        this(resultClass, 0, message, null);
    }

    /** B or C. */
    public ResultClass resultClass() {
        return resultClass;
    }

    /** The protocol status (HTTP status, TFTP error code), or 0. */
    public int status() {
        return status;
    }
}
