package org.mppfw.config.internal;

/** XML text escaping for the files and exports the store writes. */
final class Xml {

    private Xml() {
    }

    /** Escapes text for element content or a double-quoted attribute; line breaks and tabs survive. */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep;
            switch (c) {
                case '&': rep = "&amp;"; break;
                case '<': rep = "&lt;"; break;
                case '>': rep = "&gt;"; break;
                case '"': rep = "&quot;"; break;
                case '\t': rep = "&#9;"; break;
                case '\n': rep = "&#10;"; break;
                case '\r': rep = "&#13;"; break;
                default: rep = null;
            }
            if (rep != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(rep);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
