package org.mppfw.api.line;

import org.osgi.annotation.versioning.ProviderType;

/** Whether the phone's lines are idle; resyncs and upgrades wait for idle. */
@ProviderType
public interface LineState {

    /** True when no line has a call (or is off-hook). */
    boolean allIdle();
}
