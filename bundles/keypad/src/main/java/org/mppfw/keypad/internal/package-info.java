/**
 * The keypad bundle: the key-event service that hands every press to the
 * {@link org.mppfw.api.keypad.KeyListener} whiteboard, and the {@code key:} shell commands that
 * press keys by name or from the terminal's keyboard.
 */
package org.mppfw.keypad.internal;
