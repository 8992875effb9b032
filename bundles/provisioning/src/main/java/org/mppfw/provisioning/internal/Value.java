package org.mppfw.provisioning.internal;

import java.math.BigInteger;
import java.util.regex.Pattern;

import org.mppfw.api.firmware.FirmwareVersion;

/**
 * An operand's value after expansion, typed. A quoted operand is always a {@link Text}; a bare
 * one is an {@link Int} ({@code -12}, {@code 600}), a {@link Cisco} version
 * ({@code sip7832.11-3-2MPP0001-609}, {@code 11-0-1MPP-376}), a {@link Dotted} legacy SPA version
 * ({@code 1.0.33}, {@code 7.5.2b}), or else a {@link Text}.
 */
sealed interface Value {

    Pattern INT = Pattern.compile("[-+]?\\d{1,60}");
    Pattern DOTTED = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){1,7}[A-Za-z]{0,8}");

    /** The text the value was made from. */
    String text();

    record Int(String text, BigInteger number) implements Value {
    }

    record Cisco(String text, FirmwareVersion version) implements Value {
    }

    record Dotted(String text, long[] parts, String suffix) implements Value {

        int compareTo(Dotted o) {
            int n = Math.max(parts.length, o.parts.length);
            for (int k = 0; k < n; k++) {
                int c = Long.compare(k < parts.length ? parts[k] : 0, k < o.parts.length ? o.parts[k] : 0);
                if (c != 0) {
                    return c;
                }
            }
            return suffix.compareToIgnoreCase(o.suffix);
        }
    }

    record Text(String text) implements Value {
    }

    static Value of(String text, boolean quoted) {
        if (quoted) {
            return new Text(text);
        }
        String t = text.strip();
        if (INT.matcher(t).matches()) {
            return new Int(text, new BigInteger(t.startsWith("+") ? t.substring(1) : t));
        }
        if (DOTTED.matcher(t).matches()) {
            int letters = t.length();
            while (letters > 0 && Character.isLetter(t.charAt(letters - 1))) {
                letters--;
            }
            String[] p = t.substring(0, letters).split("\\.");
            long[] parts = new long[p.length];
            for (int k = 0; k < p.length; k++) {
                parts[k] = Long.parseLong(p[k]);
            }
            return new Dotted(text, parts, t.substring(letters));
        }
        if (t.indexOf('-') > 0 && t.length() <= 80) {
            try {
                return new Cisco(text, FirmwareVersion.parse(t));
            } catch (IllegalArgumentException notAVersion) {
                // a bare word
            }
        }
        return new Text(text);
    }
}
