package org.mppfw.api.provisioning;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The phone's resync engine. */
@ProviderType
public interface Provisioning {

    /** Where the engine stands now. */
    ProvisioningStatus status();

    /** The latest attempts, newest first (a short list: the phone keeps a few dozen). */
    List<ResyncRecord> history();

    /**
     * Asks for a resync of the configured rules ({@code Profile_Rule} to {@code Profile_Rule_D})
     * now, as the keypad's Resync key or {@code /admin/resync} do ({@code $PRVST} -1). It runs on
     * the engine's thread; this call returns at once.
     *
     * @return false when provisioning is disabled ({@code Provision_Enable} No)
     */
    boolean resync();

    /**
     * Asks for a resync of one rule text instead of the configured rules, as
     * {@code /admin/resync?URL} or a SIP NOTIFY with a profile URL do.
     *
     * @return false when provisioning is disabled
     */
    boolean resync(String rule);

    /**
     * Sets the profile account: the user name and password answered to an HTTP 401 challenge by
     * rules that carry no {@code --uid}/{@code --pwd} (those take precedence), as entered on the
     * phone's "Profile account" screen. Kept in memory only; the engine keeps its own copy and the
     * caller may wipe {@code password} after the call. A null or empty user clears it.
     *
     * @since 1.1
     */
    void profileAccount(String user, char[] password);
}
