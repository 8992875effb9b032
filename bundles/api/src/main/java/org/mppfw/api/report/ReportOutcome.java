package org.mppfw.api.report;

import java.util.Objects;

/**
 * How one upload went.
 *
 * @param target  where it went, without credentials ({@code http://host:80/path})
 * @param sent    whether the server took it (HTTP 2xx, TFTP transfer complete)
 * @param message one line for the operator (never a secret)
 */
public record ReportOutcome(String target, boolean sent, String message) {

    public ReportOutcome {
        Objects.requireNonNull(target);
        Objects.requireNonNull(message);
    }

    @Override
    public String toString() {
        return (sent ? "sent to " : "not sent to ") + target + ": " + message;
    }
}
