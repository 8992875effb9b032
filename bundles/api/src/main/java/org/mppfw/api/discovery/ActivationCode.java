package org.mppfw.api.discovery;

import java.util.regex.Pattern;

/**
 * An activation code as typed on the phone: 16 digits, or a short code of 3 to 16 digits that
 * the user introduces with {@code #}.
 *
 * @param digits the digits, without the {@code #}
 * @param isShort whether it is a short code (typed after {@code #})
 */
public record ActivationCode(String digits, boolean isShort) {

    private static final Pattern FULL = Pattern.compile("\\d{16}");
    private static final Pattern SHORT = Pattern.compile("\\d{3,16}");

    /**
     * @throws IllegalArgumentException if a full code is not 16 digits, or a short one not 3 to 16
     */
    public ActivationCode {
        if (!(isShort ? SHORT : FULL).matcher(digits).matches()) {
            throw new IllegalArgumentException(isShort ? "a short activation code is # and 3 to 16 digits"
                    : "an activation code is 16 digits");
        }
    }

    /**
     * Parses what was typed: 16 digits, or {@code #} and 3 to 16 digits.
     *
     * @throws IllegalArgumentException if it is neither
     */
    public static ActivationCode parse(String typed) {
        return typed.startsWith("#") ? new ActivationCode(typed.substring(1), true) : new ActivationCode(typed, false);
    }

    /** As typed: the digits, after a {@code #} for a short code. */
    @Override
    public String toString() {
        return (isShort ? "#" : "") + digits;
    }
}
