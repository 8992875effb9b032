package org.mppfw.provisioning.internal;

import org.mppfw.api.config.ParameterStore;
import org.mppfw.provisioning.internal.schedule.ScheduleSettings;

/** How the provisioning classes read the parameters they work with. */
final class Params {

    private Params() {
    }

    /** The value of a parameter, or null when the store does not know it (it takes its default). */
    static String get(ParameterStore store, String name) {
        return store.definition(name).isPresent() ? store.get(name) : null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The resync schedule parameters now. */
    static ScheduleSettings schedule(ParameterStore store) {
        return ScheduleSettings.from(name -> get(store, name));
    }

    /** {@code Provision_Enable}. */
    static boolean enabled(ParameterStore store) {
        return ScheduleSettings.yes(get(store, "Provision_Enable"), true);
    }
}
