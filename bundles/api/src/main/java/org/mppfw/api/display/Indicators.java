package org.mppfw.api.display;

import java.util.Objects;

/**
 * The icons of the title bar.
 *
 * @param network      whether the network link is up
 * @param registration the state of the SIP registration of line 1
 */
public record Indicators(boolean network, Registration registration) {

    /** The registration icon. */
    public enum Registration {
        /** No line configured: no icon. */
        NONE,
        /** Registering. */
        REGISTERING,
        /** Registered. */
        REGISTERED,
        /** The registrar refused or did not answer. */
        FAILED
    }

    /** What a phone shows before anything told it otherwise: network up, no registration. */
    public static final Indicators DEFAULT = new Indicators(true, Registration.NONE);

    public Indicators {
        Objects.requireNonNull(registration);
    }
}
