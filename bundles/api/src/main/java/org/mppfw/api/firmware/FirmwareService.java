package org.mppfw.api.firmware;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The firmware the phone runs, and its upgrade state. Upgrades replace bundles in place, so the
 * running version can change while the phone runs: ask this service, never a value read at boot.
 */
@ProviderType
public interface FirmwareService {

    /** The running version (the committed set, or the set on trial while it is checked). */
    FirmwareVersion running();

    /** A one-line state of the last upgrade attempt ({@code $UPGERR}), empty if none. */
    String lastResult();

    /** What the upgrade machinery is doing now, and how the last attempt ended. */
    UpgradeStatus status();

    /**
     * Starts an upgrade from {@code url} now (as {@code /admin/upgrade?url} or {@code fw:upgrade}),
     * bypassing {@code Upgrade_Rule} but not {@code Upgrade_Enable}, the checks of the image, or
     * the wait for idle lines.
     *
     * @return false if an upgrade is already running or upgrades are disabled
     */
    boolean upgrade(String url);

    /** The version a rollback would return to, if any. */
    Optional<FirmwareVersion> previous();

    /**
     * The bundle sets: active, running, previous and pending (with its boot attempts left), and
     * the last upgrade attempt, as {@code fw:status} and the firmware page show them.
     *
     * @since 1.2
     */
    FirmwareSets sets();

    /**
     * Goes back to the previous set, as {@code fw:rollback} does: swapped in place after any attempt
     * under way, checked, then committed. Waits until it is done.
     *
     * @since 1.2
     */
    RollbackResult rollback();
}
