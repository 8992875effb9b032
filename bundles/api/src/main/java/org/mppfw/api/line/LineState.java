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
}
