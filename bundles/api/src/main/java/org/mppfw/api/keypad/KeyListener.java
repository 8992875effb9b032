package org.mppfw.api.keypad;

import org.osgi.annotation.versioning.ConsumerType;

/** Whiteboard service told of every key press. */
@ConsumerType
public interface KeyListener {

    void keyPressed(Key key);
}
