package org.mppfw.api.config;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told of parameter changes after they are persisted. A listener may
 * restrict itself to some names with the service property {@link #NAMES}.
 */
@ConsumerType
public interface ParameterListener {

    /** Service property: the parameter names a listener wants; absent means all. */
    String NAMES = "mppfw.parameter.names";

    /**
     * Called once per committed change set (a whole profile is one set), on a store thread.
     *
     * @param changes the parameters whose value changed, never empty
     * @param source  who made the change
     */
    void parametersChanged(List<ParameterChange> changes, ChangeSource source);
}
