package org.mppfw.api.firmware;

import java.util.Objects;

/**
 * How a rollback ended.
 *
 * @param rolledBack whether the previous set now runs, checked and committed
 * @param message    one line: {@code rolled back to VERSION (...)}, or why nothing was rolled back
 * @since 1.2
 */
public record RollbackResult(boolean rolledBack, String message) {

    public RollbackResult {
        Objects.requireNonNull(message);
    }
}
