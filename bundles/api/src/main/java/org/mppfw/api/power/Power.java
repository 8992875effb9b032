package org.mppfw.api.power;

import java.util.List;
import java.util.Optional;

/**
 * The phone's power: the one way to restart it, and the history of its boots.
 * <p>
 * A reboot stops every bundle and boots again from the firmware state record, with a clean bundle
 * cache, exactly as a power cycle does; its reason is recorded first, so a power cut while the
 * phone stops loses nothing. In a command run ({@code mppfw -c}), which is not a power-on, a reboot
 * is only recorded: the next power-on takes it.
 */
public interface Power {

    /**
     * Restarts the phone. Returns at once; the phone stops shortly after, on another thread.
     *
     * @param reason why
     * @param detail what asked for it, one line (never a secret)
     * @return true if the phone restarts now, false in a command run (the reboot waits for the next power-on)
     */
    boolean reboot(BootReason reason, String detail);

    /** Whether this run is a command run ({@code mppfw -c}) rather than a power-on. */
    boolean commandRun();

    /** The boot this run belongs to (empty in a command run). */
    Optional<BootRecord> currentBoot();

    /** The kept boots, oldest first. */
    List<BootRecord> boots();
}
