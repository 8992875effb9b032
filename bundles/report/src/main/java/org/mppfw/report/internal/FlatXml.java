package org.mppfw.report.internal;

import java.nio.charset.StandardCharsets;

/**
 * A {@code <flat-profile>} written element by element, in the form of the phone's {@code cfg.xml}
 * (a comment naming each group, an empty value as an empty element), for the values that are not
 * parameters: the status report.
 */
final class FlatXml {

    private final StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<flat-profile>\n");

    FlatXml group(String name) {
        b.append("<!-- ").append(name.replace("--", "- -")).append(" -->\n");
        return this;
    }

    /** An element named as the label, spaces as underscores ("Software Version" is {@code <Software_Version>}). */
    FlatXml element(String label, String value) {
        String name = label.replace(' ', '_');
        String v = value == null ? "" : value;
        b.append('<').append(name);
        if (v.isEmpty()) {
            b.append("/>\n");
        } else {
            b.append('>').append(escape(v)).append("</").append(name).append(">\n");
        }
        return this;
    }

    byte[] bytes() {
        return (b + "</flat-profile>\n").getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String v) {
        StringBuilder o = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '<' -> o.append("&lt;");
                case '>' -> o.append("&gt;");
                case '&' -> o.append("&amp;");
                case '"' -> o.append("&quot;");
                default -> o.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return o.toString();
    }
}
