package org.mppfw.api.power;

import java.util.Locale;

/**
 * Why the phone booted. Each has the code the boot history stores and the label a Cisco phone's
 * Status page gives the same reboot, where it has one.
 */
public enum BootReason {
    /** The phone was started (or lost power and got it back). */
    POWER_ON("Power Cycle"),
    /** A firmware upgrade asked for it. */
    UPGRADE("Upgrade"),
    /** A rollback to the previous firmware asked for it. */
    ROLLBACK("Upgrade"),
    /** A set on trial failed its check after a reboot and was given up: the committed set boots. */
    TRIAL_GIVEN_UP("Upgrade"),
    /** The parameters were reset to factory defaults. */
    FACTORY_RESET("Factory Reset"),
    /** A provider asked for it (TR-069 Reboot, SIP NOTIFY, a provisioning rule). */
    REMOTE_REQUEST("SIP Triggered"),
    /** A person asked for it (the shell, the keypad, the web page). */
    USER_REQUEST("User Triggered"),
    /** The Java runtime of the previous run crashed and was started again. */
    CRASH("Crash");

    private final String label;

    BootReason(String label) {
        this.label = label;
    }

    /** The code kept in the boot history: {@code power-on}, {@code trial-given-up}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The label a Cisco phone's Status page uses for such a reboot. */
    public String label() {
        return label;
    }

    /** The reason of a code; {@code POWER_ON} for one this version does not know. */
    public static BootReason ofCode(String code) {
        for (BootReason r : values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        return POWER_ON;
    }
}
