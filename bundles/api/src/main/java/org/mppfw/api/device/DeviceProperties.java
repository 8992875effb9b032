package org.mppfw.api.device;

/**
 * Framework properties the launcher sets and the bundles read. Identity properties are taken
 * on the first boot only; after that the persisted identity wins.
 */
public final class DeviceProperties {

    /** The data dir: parameters, identity, firmware slots, per-bundle state. */
    public static final String DATA_DIR = "mppfw.data.dir";
    /** The model at first boot, default {@code CP-8845-3PCC}. */
    public static final String MODEL = "mppfw.model";
    /** The MAC address at first boot (any common notation). */
    public static final String MAC = "mppfw.mac";
    /** The serial number at first boot. */
    public static final String SERIAL = "mppfw.serial";
    /** The hardware version at first boot. */
    public static final String HARDWARE_VERSION = "mppfw.hwversion";
    /** The running image's firmware version, set by the launcher on every boot. */
    public static final String FIRMWARE_VERSION = "mppfw.firmware.version";

    /**
     * How the launcher booted: {@value #BOOT_MODE_POWER_ON} (the phone runs: resyncs, upgrades and
     * the check of a set on trial start by themselves) or {@value #BOOT_MODE_COMMAND} (a command run,
     * {@code mppfw -c}: only what a command asks for runs).
     */
    public static final String BOOT_MODE = "mppfw.boot.mode";
    public static final String BOOT_MODE_POWER_ON = "power-on";
    public static final String BOOT_MODE_COMMAND = "command";
    /**
     * Service property of the marker the launcher registers once it has started every bundle of the
     * set (the framework's start level reads its target before the bundles of that level have started).
     */
    public static final String BOOT_COMPLETE = "mppfw.boot.complete";

    /** True in a command run (see {@link #BOOT_MODE}). */
    public static boolean commandRun(String bootMode) {
        return BOOT_MODE_COMMAND.equals(bootMode);
    }

    /** Sub-folder of the data dir for per-bundle state that a factory reset wipes. */
    public static final String STATE_DIR = "state";

    private DeviceProperties() {
    }
}
