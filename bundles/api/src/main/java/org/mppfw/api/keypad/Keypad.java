package org.mppfw.api.keypad;

import org.osgi.annotation.versioning.ProviderType;

/** Injects key presses (the shell, a terminal, tests) as if the keys were pressed. */
@ProviderType
public interface Keypad {

    void press(Key key);
}
