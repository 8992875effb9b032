package org.mppfw.provisioning.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleSyntaxException;
import org.mppfw.provisioning.internal.Rule.Alternative;
import org.mppfw.provisioning.internal.Rule.Assignment;
import org.mppfw.provisioning.internal.Rule.Options;

/**
 * Parses {@code alternative { "|" alternative }} with
 * {@code alternative := [ "(" condition ")?" ] [ "(" assignments ")!" ] [ "[" options "]" ] [ url ]}.
 * A {@code |} inside quotes, brackets or parentheses does not separate alternatives; every
 * alternative but the last must have a condition. A URL without macros is checked here; one
 * with macros when it is expanded. Errors carry the 1-based column and what was expected.
 */
final class RuleParser {

    private final String s;
    private final RuleKind kind;
    private int pos;

    private RuleParser(String s, RuleKind kind) {
        this.s = s;
        this.kind = kind;
    }

    static Rule parse(String text, RuleKind kind) throws RuleSyntaxException {
        if (kind == RuleKind.PROFILE && text.strip().equalsIgnoreCase("gds://")) {
            return new Rule(kind, List.of(), true);
        }
        if (text.isBlank()) {
            return new Rule(kind, List.of(), false);
        }
        return new RuleParser(text, kind).rule();
    }

    /** Parses a bare condition ({@code Resync_Trigger_1}); {@code null} when it is blank. */
    static Condition parseCondition(String text) throws RuleSyntaxException {
        if (text.isBlank()) {
            return null;
        }
        return ConditionParser.parse(text, 0, text.length(), "the end of the condition");
    }

    private Rule rule() throws RuleSyntaxException {
        List<Alternative> alternatives = new ArrayList<>();
        while (true) {
            alternatives.add(alternative());
            if (pos >= s.length()) {
                break;
            }
            pos++; // the '|'
        }
        for (int k = 0; k < alternatives.size() - 1; k++) {
            Alternative a = alternatives.get(k);
            if (a.condition() == null) {
                throw new RuleSyntaxException(a.column(),
                        "a condition '( ... )?': every alternative but the last needs one");
            }
        }
        return new Rule(kind, alternatives, false);
    }

    private Alternative alternative() throws RuleSyntaxException {
        skipSpace();
        int column = pos + 1;
        Condition condition = null;
        List<Assignment> assignments = List.of();
        boolean assigned = false;
        while (peek() == '(') {
            int open = pos;
            int close = closing(open, ')', "')?' or ')!'");
            int mark = close + 1;
            while (mark < s.length() && s.charAt(mark) == ' ') {
                mark++;
            }
            char m = mark < s.length() ? s.charAt(mark) : 0;
            if (m == '?') {
                if (condition != null || assigned) {
                    throw new RuleSyntaxException(open + 1, assigned ? "options '[ ... ]' or a URL after the"
                            + " assignments" : "assignments '( ... )!', options '[ ... ]' or a URL");
                }
                condition = ConditionParser.parse(s, open + 1, close, "')?'");
            } else if (m == '!') {
                if (assigned) {
                    throw new RuleSyntaxException(open + 1, "options '[ ... ]' or a URL after the assignments");
                }
                assignments = assignments(open + 1, close);
                assigned = true;
            } else {
                throw new RuleSyntaxException(mark + 1, "'?' (condition) or '!' (assignments) after ')' at column "
                        + (close + 1));
            }
            pos = mark + 1;
            skipSpace();
        }
        Options options = Options.NONE;
        if (peek() == '[') {
            if (kind == RuleKind.UPGRADE) {
                throw new RuleSyntaxException(pos + 1, "a URL: Upgrade_Rule takes no options");
            }
            int close = closing(pos, ']', "']'");
            options = options(pos + 1, close);
            pos = close + 1;
            skipSpace();
        }
        int urlStart = pos;
        while (pos < s.length() && s.charAt(pos) != '|') {
            pos++;
        }
        String url = s.substring(urlStart, pos).strip();
        if (!url.isEmpty()) {
            checkUrl(url, urlStart, options);
        }
        return new Alternative(column, condition, assignments, options, url, urlStart + 1);
    }

    private void checkUrl(String url, int at, Options options) throws RuleSyntaxException {
        char first = url.charAt(0);
        if (first == '(' || first == '[' || first == '"' || first == ')' || first == ']') {
            throw new RuleSyntaxException(at + 1, "a URL");
        }
        for (int k = 0; k < url.length(); k++) {
            if (Character.isWhitespace(url.charAt(k))) {
                throw new RuleSyntaxException(at + k + 1, "'|' or the end of the rule after the URL");
            }
        }
        if (url.indexOf('$') >= 0) {
            return; // checked once expanded
        }
        try {
            RuleEvaluator.checkScheme(UrlResolver.resolve(url, kind), options.srv(), options.post() != 0);
        } catch (UrlResolver.UrlException e) {
            throw new RuleSyntaxException(at + e.offset + 1, e.expected);
        }
    }

    /**
     * The index of the character that closes the group opened at {@code open}, skipping
     * double-quoted strings.
     */
    private int closing(int open, char close, String expected) throws RuleSyntaxException {
        int quote = -1;
        for (int k = open + 1; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"') {
                quote = quote < 0 ? k : -1;
            } else if (c == close && quote < 0) {
                return k;
            }
        }
        if (quote >= 0) {
            throw new RuleSyntaxException(s.length() + 1, "'\"' to close the string at column " + (quote + 1));
        }
        throw new RuleSyntaxException(s.length() + 1, expected + " to close '" + s.charAt(open) + "' at column "
                + (open + 1));
    }

    private List<Assignment> assignments(int from, int end) throws RuleSyntaxException {
        List<Assignment> list = new ArrayList<>();
        int k = skipSpace(from, end);
        while (k < end) {
            int nameAt = k;
            while (k < end && isNameChar(s.charAt(k), k == nameAt)) {
                k++;
            }
            int nameEnd = k;
            String name = s.substring(nameAt, k);
            if (name.isEmpty()) {
                throw new RuleSyntaxException(nameAt + 1, "a parameter name");
            }
            if (name.length() == 1) {
                char c = name.charAt(0);
                if (c < 'a' || c > 'p') {
                    throw new RuleSyntaxException(nameAt + 1, "a parameter name or a GPP letter a..p");
                }
                name = Macros.gppParameter(c);
            }
            k = skipSpace(k, end);
            if (k >= end || s.charAt(k) != '=') {
                throw new RuleSyntaxException(k + 1, "'=' after " + s.substring(nameAt, nameEnd));
            }
            k = skipSpace(k + 1, end);
            if (k >= end || s.charAt(k) != '"') {
                throw new RuleSyntaxException(k + 1, "a value in double quotes");
            }
            int close = s.indexOf('"', k + 1);
            if (close < 0 || close >= end) {
                throw new RuleSyntaxException(end + 1, "'\"' to close the value at column " + (k + 1));
            }
            list.add(new Assignment(name, s.substring(k + 1, close), nameAt + 1));
            k = skipSpace(close + 1, end);
            if (k < end) {
                if (s.charAt(k) != ';') {
                    throw new RuleSyntaxException(k + 1, "';' after the value");
                }
                k = skipSpace(k + 1, end);
            }
        }
        return list;
    }

    private static boolean isNameChar(char c, boolean first) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
                || !first && (c >= '0' && c <= '9' || c == '-' || c == '.');
    }

    private Options options(int from, int end) throws RuleSyntaxException {
        String key = null;
        String uid = null;
        String pwd = null;
        boolean srv = false;
        boolean delta = false;
        boolean status = false;
        char post = 0;
        char alias = 0;
        List<String> seen = new ArrayList<>();
        int k = skipSpace(from, end);
        while (k < end) {
            int optAt = k;
            if (!s.startsWith("--", k)) {
                throw new RuleSyntaxException(k + 1, optionList());
            }
            k += 2;
            while (k < end && s.charAt(k) >= 'a' && s.charAt(k) <= 'z') {
                k++;
            }
            String name = s.substring(optAt + 2, k);
            if (!allowed(name) || k < end && !Character.isWhitespace(s.charAt(k))) {
                throw new RuleSyntaxException(optAt + 1, optionList());
            }
            if (seen.contains(name)) {
                throw new RuleSyntaxException(optAt + 1, "each option once: --" + name + " is given twice");
            }
            seen.add(name);
            switch (name) {
                case "srv" -> srv = true;
                case "delta" -> delta = true;
                case "status" -> status = true;
                default -> {
                    k = skipSpace(k, end);
                    int valueAt = k;
                    String value;
                    if (k < end && s.charAt(k) == '"') {
                        int close = s.indexOf('"', k + 1);
                        if (close < 0 || close >= end) {
                            throw new RuleSyntaxException(end + 1, "'\"' to close the value at column " + (k + 1));
                        }
                        value = s.substring(k + 1, close);
                        k = close + 1;
                    } else {
                        while (k < end && !Character.isWhitespace(s.charAt(k)) && s.charAt(k) != '"') {
                            k++;
                        }
                        value = s.substring(valueAt, k);
                        if (value.isEmpty() || value.startsWith("--")) {
                            throw new RuleSyntaxException(valueAt + 1, "a value for --" + name);
                        }
                    }
                    if (k < end && !Character.isWhitespace(s.charAt(k))) {
                        throw new RuleSyntaxException(k + 1, "a space after the value of --" + name);
                    }
                    switch (name) {
                        case "key" -> key = value;
                        case "uid" -> uid = value;
                        case "pwd" -> pwd = value;
                        default -> {
                            String l = value.toLowerCase(Locale.ROOT);
                            if (l.length() != 1 || l.charAt(0) < 'a' || l.charAt(0) > 'p') {
                                throw new RuleSyntaxException(valueAt + 1, "a GPP letter a..p for --" + name);
                            }
                            if (name.equals("post")) {
                                post = l.charAt(0);
                            } else {
                                alias = l.charAt(0);
                            }
                        }
                    }
                }
            }
            k = skipSpace(k, end);
        }
        return new Options(key, uid, pwd, srv, post, alias, delta, status);
    }

    private boolean allowed(String option) {
        return switch (option) {
            case "key", "uid", "pwd" -> true;
            case "srv", "post", "alias" -> kind == RuleKind.PROFILE;
            case "delta", "status" -> kind == RuleKind.REPORT;
            default -> false;
        };
    }

    private String optionList() {
        return kind == RuleKind.REPORT ? "an option: --key, --uid, --pwd, --delta or --status"
                : "an option: --key, --uid, --pwd, --srv, --post or --alias";
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    private void skipSpace() {
        pos = skipSpace(pos, s.length());
    }

    private int skipSpace(int k, int end) {
        while (k < end && Character.isWhitespace(s.charAt(k))) {
            k++;
        }
        return k;
    }
}
