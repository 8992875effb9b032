package org.mppfw.layout;

/**
 * The framework properties by which the launcher tells the bundles how it booted them, and the
 * ones of the upgrade that a configuration file may set. Names only: the device's own properties
 * (data dir, model, firmware version, ...) are the api's {@code DeviceProperties}, which the
 * launcher's class path does not have.
 */
public final class LaunchProperties {

    /** The image dir ({@code bin/}, {@code lib/}, {@code bundles/}, {@code etc/}); also a system property of the launcher. */
    public static final String HOME = "mppfw.home";
    /** The bundle set that was booted: {@code factory}, {@code a} or {@code b}. */
    public static final String FIRMWARE_SET = "mppfw.firmware.set";
    /** Whether that set is on trial (an upgrade not yet committed): {@code true} or {@code false}. */
    public static final String FIRMWARE_TRIAL = "mppfw.firmware.trial";
    /** The start level the launcher raises the framework to (the shell's in interactive mode). */
    public static final String START_LEVEL = "mppfw.startlevel";
    /** How long the upgrade's health check of a new set waits, in milliseconds; not set by the launcher. */
    public static final String HEALTH_TIMEOUT_MS = "mppfw.upgrade.health.timeout.ms";

    private LaunchProperties() {
    }
}
