package org.mppfw.report.internal;

import java.util.List;

/**
 * {@code Report_Rule}'s two targets: the rule's last URL may be followed by a space and a second
 * URL ({@code [--delta] http://a/r.xml tftp://b/r.xml}), which gets the same conditions, assignments
 * and options. The rule is split into one rule per target, each evaluated as a profile-style rule
 * of kind {@code REPORT}; a rule whose text after the last space is not a bare URL (it holds
 * brackets, parentheses or a {@code |}, or follows {@code ]}, {@code ?}, {@code !} or {@code |})
 * is one target.
 */
final class ReportTargets {

    private ReportTargets() {
    }

    static List<String> split(String rule) {
        String t = rule.strip();
        int sp = lastSpace(t);
        if (sp < 0) {
            return t.isEmpty() ? List.of() : List.of(t);
        }
        String second = t.substring(sp + 1);
        String first = t.substring(0, sp).stripTrailing();
        if (second.chars().anyMatch(c -> "[]()|\"".indexOf(c) >= 0) || first.isEmpty()
                || "]?!|".indexOf(first.charAt(first.length() - 1)) >= 0) {
            return List.of(t);
        }
        int urlStart = 0;
        for (int i = first.length() - 1; i >= 0; i--) {
            char c = first.charAt(i);
            if (Character.isWhitespace(c) || c == ']' || c == '|' || c == '!' || c == '?') {
                urlStart = i + 1;
                break;
            }
        }
        return List.of(first, first.substring(0, urlStart) + second);
    }

    private static int lastSpace(String t) {
        for (int i = t.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(t.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
