package org.mppfw.config.internal;

import java.util.Locale;

import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterException;

/**
 * Checks a value against its catalog entry and returns it in the form the store keeps:
 * booleans as {@code Yes}/{@code No}, choices in their catalog spelling, lists without blanks.
 * Messages never quote the value of a secret.
 */
final class Values {

    /** The longest value the store accepts, in characters. */
    static final int MAX_LENGTH = 4096;

    private Values() {
    }

    /** Whether a value consists only of {@code *}: what exports show in place of a secret. */
    static boolean isMasked(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }

    /**
     * The stored form of {@code raw}.
     *
     * @throws ParameterException if the value does not fit the definition
     */
    static String normalize(ParameterDefinition def, String raw) {
        if (raw == null) {
            throw new ParameterException(def.name() + ": no value");
        }
        if (raw.length() > MAX_LENGTH) {
            throw new ParameterException(def.name() + ": value longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                throw new ParameterException(def.name() + ": value contains a control character");
            }
        }
        String v = raw.trim();
        switch (def.type()) {
            case STRING:
            case RULE:
                return FlatProfileParser.clean(raw);
            case BOOLEAN:
                return bool(def, v);
            case INTEGER:
                return Long.toString(integer(def, v, def.min(), def.max()));
            case INTEGER_LIST:
                return integerList(def, v);
            case CHOICE:
                return choice(def, v);
            case DELAY_LIST:
                return delayList(def, v);
            case TIME_OF_DAY:
                return timeOfDay(def, v);
            default:
                throw new ParameterException(def.name() + ": unsupported type " + def.type());
        }
    }

    private static String bool(ParameterDefinition def, String v) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "yes": case "true": case "1":
                return "Yes";
            case "no": case "false": case "0":
                return "No";
            default:
                throw invalid(def, v, "must be Yes or No");
        }
    }

    private static long integer(ParameterDefinition def, String v, long min, long max) {
        if (v.isEmpty() || v.length() > 19) {
            throw invalid(def, v, "must be an integer from " + min + " to " + max);
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw invalid(def, v, "must be an integer from " + min + " to " + max);
        }
        if (n < min || n > max) {
            throw invalid(def, v, "must be from " + min + " to " + max);
        }
        return n;
    }

    private static String integerList(ParameterDefinition def, String v) {
        if (v.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String part : v.split(",", -1)) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(integer(def, part.trim(), def.min(), def.max()));
        }
        return b.toString();
    }

    private static String choice(ParameterDefinition def, String v) {
        for (String c : def.choices()) {
            if (c.equalsIgnoreCase(v)) {
                return c;
            }
        }
        throw invalid(def, v, "must be one of " + String.join(", ", def.choices()));
    }

    /** {@code N}, {@code N+R}, or a comma list of them; empty means none. */
    private static String delayList(ParameterDefinition def, String v) {
        if (v.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String part : v.split(",", -1)) {
            String p = part.trim();
            int plus = p.indexOf('+');
            if (b.length() > 0) {
                b.append(',');
            }
            String hint = "must be seconds: N, N+R or a comma list of them";
            if (plus < 0) {
                b.append(delay(def, p, hint));
            } else {
                b.append(delay(def, p.substring(0, plus).trim(), hint)).append('+')
                        .append(delay(def, p.substring(plus + 1).trim(), hint));
            }
        }
        return b.toString();
    }

    private static long delay(ParameterDefinition def, String p, String hint) {
        if (p.isEmpty() || p.length() > 10 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(def, p, hint);
        }
        long n = Long.parseLong(p);
        if (n > Integer.MAX_VALUE) {
            throw invalid(def, p, hint);
        }
        return n;
    }

    private static String timeOfDay(ParameterDefinition def, String v) {
        if (v.isEmpty()) {
            return "";
        }
        String hint = "must be HHmm from 0000 to 2400, or empty";
        if (v.length() != 4 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(def, v, hint);
        }
        int hh = Integer.parseInt(v.substring(0, 2));
        int mm = Integer.parseInt(v.substring(2));
        if (mm > 59 || hh > 24 || (hh == 24 && mm != 0)) {
            throw invalid(def, v, hint);
        }
        return v;
    }

    private static ParameterException invalid(ParameterDefinition def, String v, String hint) {
        String shown = def.secret() ? "" : " '" + abbreviate(v) + "'";
        return new ParameterException(def.name() + ": invalid value" + shown + ", " + hint);
    }

    static String abbreviate(String v) {
        return v.length() <= 64 ? v : v.substring(0, 61) + "...";
    }

    /** The reason without the parameter name, which the rejection carries already. */
    static String reason(ParameterDefinition d, ParameterException ex) {
        String m = ex.getMessage();
        String prefix = d.name() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
