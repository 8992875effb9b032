package org.mppfw.provisioning.internal;

import org.mppfw.api.provisioning.MacroSource;

/**
 * Expands {@code $NAME}, {@code $(NAME)}, {@code $(NAME:p)}, {@code $(NAME:p:q)} and {@code $$}.
 *
 * <ul>
 * <li>After {@code $} the longest known name wins ({@code $MAU} before {@code $MA}); when no
 * known name starts there the {@code $} is kept and scanning goes on, so unknown names stay as
 * written ({@code $STRANGE}).</li>
 * <li>{@code $(NAME:p:q)}: {@code q} characters from offset {@code p} (0-based), clamped to the
 * value; {@code $(NAME:p)} from {@code p} to the end. A malformed {@code $(...)} is kept as
 * written.</li>
 * <li>Not recursive: a value is copied, never scanned again ({@code $$MAU} gives {@code $MAU}).</li>
 * <li>{@code $SA..$SD} expand only when {@code secrets} is set (the arguments of {@code --key},
 * {@code --uid}, {@code --pwd}); elsewhere they stay as written.</li>
 * </ul>
 */
final class MacroExpander {

    private MacroExpander() {
    }

    static String expand(String text, MacroSource source, boolean secrets) {
        int dollar = text.indexOf('$');
        if (dollar < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        out.append(text, 0, dollar);
        int i = dollar;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '(') {
                i = parenthesised(text, i, source, secrets, out);
            } else {
                String name = Macros.longestAt(text, i + 1);
                if (name == null || Macros.isSecret(name) && !secrets) {
                    out.append('$');
                    i++;
                } else {
                    out.append(valueOf(source, name));
                    i += 1 + name.length();
                }
            }
        }
        return out.toString();
    }

    /** Handles {@code $(} at {@code at}; returns where scanning goes on. */
    private static int parenthesised(String text, int at, MacroSource source, boolean secrets, StringBuilder out) {
        int close = at + 2;
        while (close < text.length() && isNameOrOffsetChar(text.charAt(close))) {
            close++;
        }
        if (close >= text.length() || text.charAt(close) != ')') {
            out.append('$');
            return at + 1;
        }
        String inside = text.substring(at + 2, close);
        String[] parts = inside.split(":", -1);
        String name = parts[0];
        if (parts.length > 3 || !Macros.isKnown(name) || Macros.isSecret(name) && !secrets) {
            out.append('$');
            return at + 1;
        }
        long from = 0;
        long count = Long.MAX_VALUE;
        if (parts.length > 1) {
            from = number(parts[1]);
            count = parts.length > 2 ? number(parts[2]) : Long.MAX_VALUE;
            if (from < 0 || count < 0) {
                out.append('$');
                return at + 1;
            }
        }
        String value = valueOf(source, name);
        int start = (int) Math.min(from, value.length());
        int end = (int) Math.min(value.length(), start + Math.min(count, value.length()));
        out.append(value, start, end);
        return close + 1;
    }

    /** What may stand between {@code $(} and {@code )}: a name and offsets (scanning stays linear). */
    private static boolean isNameOrOffsetChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == ':';
    }

    /** A non-negative decimal, saturated at {@code Integer.MAX_VALUE}; -1 if it is not one. */
    private static long number(String digits) {
        if (digits.isEmpty()) {
            return -1;
        }
        long n = 0;
        for (int k = 0; k < digits.length(); k++) {
            char d = digits.charAt(k);
            if (d < '0' || d > '9') {
                return -1;
            }
            n = Math.min(Integer.MAX_VALUE, n * 10 + (d - '0'));
        }
        return n;
    }

    private static String valueOf(MacroSource source, String name) {
        String v = source.value(name);
        return v == null ? "" : v;
    }
}
