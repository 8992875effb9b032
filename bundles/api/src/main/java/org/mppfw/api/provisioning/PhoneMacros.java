package org.mppfw.api.provisioning;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one source of the phone's macro values, for every rule and message that expands macros
 * (profile rules, {@code Upgrade_Rule}, {@code Resync_Trigger_n}, {@code Log_*} messages, the
 * {@code --post} body, and whatever comes next): the device identity ({@code $MA $MAU $MAC $PN
 * $PSN $SN $SERIAL_NUMBER $HWVER $SWVER}), the GPP registers ({@code $A..$P}, {@code $SA..$SD}),
 * the per-line values ({@code $UIDn}), the provisioning and upgrade state ({@code $PRVTMR
 * $UPGST $UPGERR $UPGTMR}) and {@code $ISCUST}. Values of one event (the URL's {@code $SCHEME
 * $SERV $SERVIP $PORT $PATH}, {@code $ERR}, {@code $PRVST}) are laid over it by the caller with
 * {@link MacroSource#with}.
 *
 * @since 1.3
 */
@ProviderType
public interface PhoneMacros {

    /** The phone's macro values now (one snapshot of the parameters). */
    MacroSource now();
}
