package org.mppfw.provisioning.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.mppfw.api.provisioning.RuleDecision;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleOptions;

/**
 * A parsed rule: its alternatives, as written (nothing expanded yet). {@link #toString()} gives
 * the rule back in a normal form with the {@code --key} and {@code --pwd} values and the values
 * assigned to {@code GPP_SA..GPP_SD} masked, so it can be logged and shown.
 *
 * @param kind         which parameter it comes from
 * @param alternatives in order; empty for a blank rule
 * @param gds          whether the whole rule is the activation-code pseudo-URL {@code gds://}
 */
record Rule(RuleKind kind, List<Alternative> alternatives, boolean gds) {

    Rule {
        alternatives = List.copyOf(alternatives);
    }

    /**
     * One alternative.
     *
     * @param column      1-based column of its first character
     * @param condition   its condition, or {@code null}
     * @param assignments its assignments, possibly none
     * @param options     its bracketed options
     * @param url         its URL as written, or the empty string
     * @param urlColumn   1-based column of the URL's first character
     */
    record Alternative(int column, Condition condition, List<Assignment> assignments, Options options, String url,
            int urlColumn) {

        Alternative {
            assignments = List.copyOf(assignments);
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            if (condition != null) {
                parts.add("(" + condition + ")?");
            }
            if (!assignments.isEmpty()) {
                parts.add("(" + assignments.stream().map(Assignment::toString).collect(Collectors.joining(" "))
                        + ")!");
            }
            if (!options.toString().isEmpty()) {
                parts.add(options.toString());
            }
            if (!url.isEmpty()) {
                parts.add(url);
            }
            return String.join(" ", parts);
        }
    }

    /**
     * {@code Name = "value" ;}
     *
     * @param parameter the parameter name, a GPP letter already turned into {@code GPP_X}
     * @param value     the value as written, macros not expanded
     * @param column    1-based column of the name
     */
    record Assignment(String parameter, String value, int column) {

        @Override
        public String toString() {
            return parameter + " = \"" + (RuleDecision.isSecret(parameter) ? RuleOptions.MASK : value) + "\";";
        }
    }

    /**
     * Bracketed options as written, macros not expanded.
     *
     * @param key    the {@code --key} argument or {@code null}
     * @param uid    the {@code --uid} argument or {@code null}
     * @param pwd    the {@code --pwd} argument or {@code null}
     * @param post   the {@code --post} GPP letter, lower case, or 0
     * @param alias  the {@code --alias} GPP letter, lower case, or 0
     */
    record Options(String key, String uid, String pwd, boolean srv, char post, char alias, boolean delta,
            boolean status) {

        static final Options NONE = new Options(null, null, null, false, (char) 0, (char) 0, false, false);

        /** Same form and masking as the expanded {@link RuleOptions}. */
        @Override
        public String toString() {
            return new RuleOptions(key, uid, pwd, srv, post, alias, delta, status, false).toString();
        }
    }

    @Override
    public String toString() {
        if (gds) {
            return "gds://";
        }
        return alternatives.stream().map(Alternative::toString).collect(Collectors.joining(" | "));
    }
}
