package org.mppfw.lab.docs;

/**
 * Just enough of bash's quoting to tell where a command of a console block ends: single quotes,
 * double quotes (with backslash escapes inside) and backslashes outside quotes.
 */
final class ShellText {

    private ShellText() {
    }

    /**
     * Whether the command goes on over the next line: a quote is still open, or the text ends
     * with a backslash outside quotes.
     */
    static boolean continues(String command) {
        Scan s = scan(command);
        return s.open() || s.trailingBackslash();
    }

    /** For each character of the text: whether it is inside quotes (or escaped by a backslash). */
    static boolean[] quoted(String text) {
        return scan(text).quoted();
    }

    private record Scan(boolean open, boolean trailingBackslash, boolean[] quoted) {
    }

    private static Scan scan(String text) {
        boolean[] quoted = new boolean[text.length() + 1];
        char quote = 0;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            quoted[i] = quote != 0 || escaped;
            if (escaped) {
                escaped = false;
            } else if (quote == '\'') {
                quote = c == '\'' ? 0 : quote;
            } else if (c == '\\') {
                escaped = true;
            } else if (quote == '"') {
                quote = c == '"' ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            }
        }
        return new Scan(quote != 0, escaped && quote == 0, quoted);
    }
}
