package org.mppfw.upgrade.internal.engine;

import java.time.Duration;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ParameterException;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.crypto.ManifestSignatures;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.line.LineState;
import org.mppfw.api.power.Power;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningLog;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.service.ServiceSlot;
import org.mppfw.api.transport.Transports;

/**
 * The services the upgrade engine uses. The parameter store, the identity and the clock are
 * static: the clock's timers end with its bundle, so a swap of the config bundle restarts the
 * upgrade component, whose hand-over ({@link HandOver}) carries on. Every other service is held
 * in a {@link ServiceSlot}, so that a swap of the bundle that provides it (crypto, provisioning,
 * power, http, tftp) replaces it under a running engine, which waits a moment for the new one
 * ({@link #WAIT}) where it needs it.
 */
public record Services(ParameterStore store, DeviceIdentity identity, Clock clock,
        ServiceSlot<ManifestSignatures> signatures, ServiceSlot<ProvisioningRules> rules,
        ServiceSlot<PhoneMacros> macros, ServiceSlot<ProvisioningLog> log, ServiceSlot<Power> power,
        ServiceSlot<Provisioning> provisioning, ServiceSlot<LineState> lines, Transports transports) {

    /** How long a use of a service that is being replaced waits for the new one. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    /** Empty slots around the static services (the component fills them). */
    public static Services of(ParameterStore store, DeviceIdentity identity, Clock clock) {
        return new Services(store, identity, clock, new ServiceSlot<>("manifest signature service"),
                new ServiceSlot<>("provisioning rule service"), new ServiceSlot<>("macro service"),
                new ServiceSlot<>("provisioning log"), new ServiceSlot<>("power service"),
                new ServiceSlot<>("resync engine"), new ServiceSlot<>("line state service"), new Transports());
    }

    /** The value of a parameter, trimmed; empty for none. */
    String param(String name) {
        String v = store.get(name);
        return v == null ? "" : v.trim();
    }

    /** The value of a parameter, or null when the store does not know it (a catalog without it). */
    String known(String name) {
        try {
            return store.get(name);
        } catch (ParameterException e) {
            return null;
        }
    }

    boolean yes(String name) {
        return "yes".equalsIgnoreCase(param(name));
    }
}
