package org.mppfw.api.line;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told the phone's calls whenever they change (a call rings, is answered,
 * ends), and once when it joins.
 *
 * @since 1.2
 */
@ConsumerType
public interface CallListener {

    /** The calls now, in extension order; empty when every line is idle. */
    void callsChanged(List<Call> calls);
}
