package org.mppfw.api.line;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Whether the phone's lines are idle; resyncs and upgrades wait for idle. */
@ProviderType
public interface LineState {

    /** True when no line has a call (or is off-hook). */
    boolean allIdle();

    /**
     * The registration of each extension the phone has, in extension order; empty where the
     * provider has no SIP lines.
     *
     * @since 1.1
     */
    default List<LineRegistration> registrations() {
        return List.of();
    }

    /**
     * The calls now, in extension order; empty when every line is idle.
     *
     * @since 1.2
     */
    default List<Call> calls() {
        return List.of();
    }

    /**
     * Answers the ringing call of {@code extension}.
     *
     * @return false when that extension has no ringing call
     * @since 1.2
     */
    default boolean answer(int extension) {
        return false;
    }

    /**
     * Ends the call of {@code extension}: a ringing call is declined, a connected one hung up.
     *
     * @return false when that extension has no call
     * @since 1.2
     */
    default boolean hangup(int extension) {
        return false;
    }
}
