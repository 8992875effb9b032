package org.mppfw.api.line;

import org.osgi.annotation.versioning.ConsumerType;

/** Whiteboard service told when the phone becomes idle or busy. */
@ConsumerType
public interface LineStateListener {

    void idleChanged(boolean allIdle);
}
