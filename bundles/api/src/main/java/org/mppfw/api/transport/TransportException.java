package org.mppfw.api.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A transfer that failed, with its result class. The message names no secret. */
public class TransportException extends IOException {

    private static final long serialVersionUID = 1L;

    private final ResultClass resultClass;
    private final int status;
    private final Duration retryAfter;

    public TransportException(ResultClass resultClass, int status, String message, Throwable cause) {
        this(resultClass, status, message, cause, null);
    }

    /**
     * @param retryAfter the delay a server asked for ({@code Retry-After} of a 503), or null
     * @since 1.1
     */
    public TransportException(ResultClass resultClass, int status, String message, Throwable cause,
            Duration retryAfter) {
        super(message, cause);
        this.resultClass = Objects.requireNonNull(resultClass);
        this.status = status;
        this.retryAfter = retryAfter;
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

    /**
     * The delay the server asked for before the next attempt (HTTP {@code Retry-After}), if any.
     *
     * @since 1.1
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
