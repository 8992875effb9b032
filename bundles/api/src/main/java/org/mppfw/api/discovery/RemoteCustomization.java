package org.mppfw.api.discovery;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Remote customization (EDOS/CDA) and activation codes: the phone asks the activation server
 * for its provisioning URL when nothing else gave one, and sends the activation code a person
 * types on the activation-code screen ({@code Profile_Rule} {@code gds://}, or a factory phone
 * the activation server gave no URL; see {@link CustomizationListener}).
 */
@ProviderType
public interface RemoteCustomization {

    /** The current state. */
    CustomizationState state();

    /** Why the state is what it is, in one line (the last answer of the activation server, the next retry). */
    String reason();

    /**
     * Sends an activation code: 16 digits, or {@code #} and 3 to 16 digits (a short code). The
     * activation server answers with the provisioning URL, which becomes {@code Profile_Rule};
     * a resync follows.
     *
     * @return the provisioning URL the server gave
     * @throws IllegalArgumentException if the code has neither form
     * @throws DiscoveryException if the server refused the code or could not be reached
     */
    String activate(String code) throws DiscoveryException;
}
