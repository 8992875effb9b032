package org.mppfw.api.config;

import java.util.Locale;

/**
 * What the <em>User</em> account may do with a parameter, as the {@code ua} attribute of a
 * profile sets it. The Admin account always has full access.
 */
public enum Access {
    /** No access: hidden from the user. */
    NA,
    /** Read-only for the user. */
    RO,
    /** Read and write for the user. */
    RW;

    /** The attribute value, {@code na}, {@code ro} or {@code rw}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an attribute value.
     *
     * @throws IllegalArgumentException if the value is not {@code na}, {@code ro} or {@code rw}
     */
    public static Access parse(String token) {
        switch (token) {
            case "na": return NA;
            case "ro": return RO;
            case "rw": return RW;
            default: throw new IllegalArgumentException("ua must be na, ro or rw, not '" + token + "'");
        }
    }
}
