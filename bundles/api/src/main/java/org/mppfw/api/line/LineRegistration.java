package org.mppfw.api.line;

import java.time.Instant;
import java.util.Objects;

/**
 * The SIP registration of one extension.
 *
 * @param extension the extension, 1-based
 * @param status    where the registration stands
 * @param since     when it entered this status
 * @param detail    one line for the operator: the registrar and the last answer (never a secret)
 * @since 1.1
 */
public record LineRegistration(int extension, Status status, Instant since, String detail) {

    /** Where a registration stands. */
    public enum Status {
        /** The line is disabled, has no proxy or user, or does not register. */
        DISABLED,
        /** A REGISTER is on its way. */
        REGISTERING,
        /** The registrar accepted it. */
        REGISTERED,
        /** The registrar refused or did not answer; retried later. */
        FAILED
    }

    public LineRegistration {
        Objects.requireNonNull(status);
        Objects.requireNonNull(since);
        Objects.requireNonNull(detail);
    }
}
