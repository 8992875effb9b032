package org.mppfw.display.internal;

import java.time.Duration;
import java.time.Instant;

import org.mppfw.api.keypad.Key;

/**
 * Text entry on a phone keypad, as on a Cisco phone: in {@code abc} mode a digit key cycles
 * through its letters, its digit and the capitals ({@code 2}: a b c 2 A B C) when pressed again
 * within {@link #TIMEOUT}; {@code 1} gives {@code . : / - _ @ 1}, {@code 0} a space then 0. In
 * {@code 123} mode digit keys type their digit. In both modes {@code *} cycles through the
 * characters of URLs and rules ({@code . : / - _ $ [ ] @ *}) and {@code #} through the rest
 * ({@code # = ? & ( ) ! ; ' " ~ % + ,}). Right ends a cycle at once; Left deletes.
 *
 * <p>The text itself lives in the screen's input field; this object keeps only the pending
 * cycle (the key and when it was pressed), read from the clock, so no timer runs.
 */
final class MultiTap {

    /** How long a key keeps cycling the character it typed. */
    static final Duration TIMEOUT = Duration.ofMillis(1500);

    static final String[] ABC = { " 0", ".:/-_@1", "abc2ABC", "def3DEF", "ghi4GHI", "jkl5JKL", "mno6MNO",
        "pqrs7PQRS", "tuv8TUV", "wxyz9WXYZ" };
    static final String STAR = ".:/-_$[]@*";
    static final String POUND = "#=?&()!;'\"~%+,";

    /** The input modes; the label of the mode soft key names the current one. */
    static final String MODE_ABC = "abc";
    static final String MODE_123 = "123";

    private Key pending;
    private int index;
    private Instant at = Instant.MIN;

    /** The characters a key cycles through in a mode, or null for a key that types nothing. */
    static String cycle(Key key, String mode) {
        if (key == Key.STAR) {
            return STAR;
        }
        if (key == Key.POUND) {
            return POUND;
        }
        if (!key.isDigit()) {
            return null;
        }
        int d = key.ordinal();
        return MODE_123.equals(mode) ? Integer.toString(d) : ABC[d];
    }

    /**
     * Applies a key to a text.
     *
     * @return the new text, or null when the key is not a text-entry key (the caller handles it)
     */
    String apply(String text, Key key, String mode, Instant now) {
        if (key == Key.LEFT) {
            reset();
            return text.isEmpty() ? text : text.substring(0, text.length() - 1);
        }
        if (key == Key.RIGHT) {
            reset();
            return text;
        }
        String chars = cycle(key, mode);
        if (chars == null) {
            return null;
        }
        boolean again = key == pending && chars.length() > 1 && !text.isEmpty()
                && Duration.between(at, now).compareTo(TIMEOUT) < 0;
        at = now;
        if (again) {
            index = (index + 1) % chars.length();
            return text.substring(0, text.length() - 1) + chars.charAt(index);
        }
        pending = key;
        index = 0;
        return text + chars.charAt(0);
    }

    /** Ends the pending cycle: the next press types a new character. */
    void reset() {
        pending = null;
        at = Instant.MIN;
    }

    /** The keys that type {@code c} in {@code abc} mode, Right ending the cycle. */
    static java.util.List<Key> keysFor(char c) {
        for (int d = 0; d < ABC.length; d++) {
            int i = ABC[d].indexOf(c);
            if (i >= 0) {
                return presses(Key.digit(d), i);
            }
        }
        int i = STAR.indexOf(c);
        if (i >= 0) {
            return presses(Key.STAR, i);
        }
        i = POUND.indexOf(c);
        if (i >= 0) {
            return presses(Key.POUND, i);
        }
        throw new IllegalArgumentException("no key types '" + c + "'");
    }

    private static java.util.List<Key> presses(Key k, int index) {
        java.util.List<Key> keys = new java.util.ArrayList<>(java.util.Collections.nCopies(index + 1, k));
        keys.add(Key.RIGHT);
        return keys;
    }
}
