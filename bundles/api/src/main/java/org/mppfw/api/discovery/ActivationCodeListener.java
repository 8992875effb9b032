package org.mppfw.api.discovery;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told of every activation code the user enters on the activation-code
 * screen; the onboarding client sends it to the activation server. Called on the keypad's
 * thread: return quickly.
 */
@ConsumerType
public interface ActivationCodeListener {

    void activationCodeEntered(ActivationCode code);
}
