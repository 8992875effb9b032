package org.mppfw.api.discovery;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told when remote customization changes: its state, and whether the phone
 * waits for an activation code, that is, shows the activation-code screen in place of the idle
 * screen ({@code Profile_Rule} {@code gds://}, or a factory phone the activation server gave no
 * URL, with {@code Webex_Onboard_Enable} Yes). A listener is told the current values when it
 * comes, then every change, one call at a time and in order, on the customization's thread:
 * return quickly.
 */
@ConsumerType
public interface CustomizationListener {

    /**
     * @param state       the customization state
     * @param awaitsCode  whether the phone shows the activation-code screen
     */
    void customizationChanged(CustomizationState state, boolean awaitsCode);
}
