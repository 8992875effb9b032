package org.mppfw.api.discovery;

/**
 * The remote customization state, as the phone shows it under Product Information >
 * Customization. {@link #isFinal() Final} states stop every query of the activation server
 * until a factory reset.
 */
public enum CustomizationState {
    /** Out of the box, or after a factory reset: nothing provisioned yet. */
    OPEN("Open", false),
    /** Asking (or about to ask again) the activation server for this phone's provisioning URL. */
    PENDING("Pending", false),
    /** The activation server answered with a provisioning URL; the phone resyncs to it. */
    CUSTOM_PENDING("Custom Pending", false),
    /** The resync from the activation server's URL succeeded. */
    ACQUIRED("Acquired", true),
    /** Another method (DHCP options, manual provisioning) provisioned the phone first. */
    ABORTED("Aborted", true),
    /** The activation server knows no service provider for this phone (200 with an empty body). */
    UNAVAILABLE("Unavailable", false),
    /** Activation-code onboarding ({@code gds://}) in progress. */
    GDS_PENDING("GDS-Pending", false),
    /** Activation-code onboarding succeeded. */
    GDS_ACQUIRED("GDS-Acquired", true);

    private final String label;
    private final boolean fin;

    CustomizationState(String label, boolean fin) {
        this.label = label;
        this.fin = fin;
    }

    /** As shown on the phone: {@code Custom Pending}, {@code GDS-Acquired}. */
    public String label() {
        return label;
    }

    /** Acquired, Aborted and GDS-Acquired. */
    public boolean isFinal() {
        return fin;
    }
}
