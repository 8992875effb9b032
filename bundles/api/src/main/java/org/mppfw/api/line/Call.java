package org.mppfw.api.line;

import java.time.Instant;
import java.util.Objects;

/**
 * One call of the phone, as the LCD shows it.
 *
 * @param extension  the extension the call is on, 1-based
 * @param state      where the call stands
 * @param remoteName the other party's display name, empty when it sent none
 * @param remoteUri  the other party's address, {@code sip:1002@example.com}
 * @param since      when it entered this state
 * @since 1.2
 */
public record Call(int extension, State state, String remoteName, String remoteUri, Instant since) {

    /** Where a call stands. */
    public enum State {
        /** An incoming call rings. */
        RINGING,
        /** The call is answered. */
        CONNECTED
    }

    public Call {
        Objects.requireNonNull(state);
        Objects.requireNonNull(remoteName);
        Objects.requireNonNull(remoteUri);
        Objects.requireNonNull(since);
    }
}
