package org.mppfw.api.keypad;

import java.util.Locale;

/** The phone's keys. */
public enum Key {
    D0, D1, D2, D3, D4, D5, D6, D7, D8, D9, STAR, POUND,
    SOFT1, SOFT2, SOFT3, SOFT4,
    UP, DOWN, LEFT, RIGHT, SELECT, BACK, SETTINGS;

    /**
     * The key's name as the shell writes it: {@code 0}..{@code 9}, {@code *}, {@code #},
     * {@code soft1}..{@code soft4}, {@code up}, {@code down}, {@code left}, {@code right},
     * {@code select}, {@code back}, {@code settings} (since 1.1).
     */
    public String label() {
        if (ordinal() <= D9.ordinal()) {
            return Integer.toString(ordinal());
        }
        return switch (this) {
            case STAR -> "*";
            case POUND -> "#";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** Whether it is a digit key. */
    public boolean isDigit() {
        return ordinal() <= D9.ordinal();
    }

    /** The digit key {@code 0}..{@code 9}. */
    public static Key digit(int d) {
        if (d < 0 || d > 9) {
            throw new IllegalArgumentException("not a digit: " + d);
        }
        return values()[d];
    }

    /**
     * Parses a key's {@link #label()}, ignoring case; {@code ok} and {@code enter} also name
     * {@link #SELECT}, {@code star} and {@code pound} the {@code *} and {@code #} keys (since 1.1).
     *
     * @throws IllegalArgumentException for any other text, naming the keys there are
     */
    public static Key parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.length() == 1 && Character.isDigit(n.charAt(0))) {
            return digit(n.charAt(0) - '0');
        }
        switch (n) {
            case "*", "star": return STAR;
            case "#", "pound", "hash": return POUND;
            case "ok", "enter": return SELECT;
            default:
                for (Key k : values()) {
                    if (k.label().equals(n)) {
                        return k;
                    }
                }
                throw new IllegalArgumentException("unknown key '" + name + "'; keys are 0-9 * # soft1 soft2 soft3 "
                        + "soft4 up down left right select back settings");
        }
    }
}
