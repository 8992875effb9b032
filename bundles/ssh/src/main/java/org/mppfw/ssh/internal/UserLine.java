package org.mppfw.ssh.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokenizer of the user-level login: a line is words separated by spaces or tabs, and a word
 * is made of ASCII letters, digits and {@code _ - . :} only. Anything else (quotes, {@code $},
 * brackets, braces, {@code ; | & = @ *}, backslashes, control or non-ASCII characters) refuses the
 * whole line. There is no quoting, no escape and no expansion of any kind.
 */
final class UserLine {

    /** The longest line taken. */
    static final int MAX_LENGTH = 256;

    private UserLine() {
    }

    /**
     * The words of {@code line}.
     *
     * @throws IllegalArgumentException naming the first character that is not allowed, or the
     *         length of a line that is too long
     */
    static List<String> words(String line) {
        if (line.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("line longer than " + MAX_LENGTH + " characters");
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else if (allowed(c)) {
                word.append(c);
            } else {
                throw new IllegalArgumentException("character " + describe(c) + " is not allowed at user level");
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    static boolean allowed(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '_' || c == '-' || c == '.' || c == ':';
    }

    private static String describe(char c) {
        return c > ' ' && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
