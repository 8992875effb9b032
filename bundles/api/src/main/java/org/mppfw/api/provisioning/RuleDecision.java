package org.mppfw.api.provisioning;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule says to do now: the alternative chosen (the first whose condition holds or that
 * has none), its assignments (run before the download) and options, and the URL to fetch; or
 * nothing, when no condition holds, the chosen alternative has no URL, or the rule is empty.
 * "Nothing to do" is not a failure.
 *
 * @param alternative the chosen alternative, 0-based, or -1 when none was chosen
 * @param assignments parameter name to expanded value, in the order written ({@code c} already
 *                    turned into {@code GPP_C}); a later assignment of the same name wins
 * @param options     the expanded options of the chosen alternative
 * @param url         the resolved URL, or {@code null} when there is nothing to fetch
 * @param reason      why there is nothing to fetch, or {@code null} when there is a URL
 */
public record RuleDecision(int alternative, Map<String, String> assignments, RuleOptions options,
        ProvisioningUrl url, String reason) {

    public RuleDecision {
        assignments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(assignments));
        Objects.requireNonNull(options);
        if ((url == null) == (reason == null)) {
            throw new IllegalArgumentException("exactly one of url and reason");
        }
    }

    /** A decision with nothing to do and no alternative chosen. */
    public static RuleDecision nothing(String reason) {
        return new RuleDecision(-1, Map.of(), RuleOptions.NONE, null, reason);
    }

    /** The URL to fetch, if any. */
    public Optional<ProvisioningUrl> fetch() {
        return Optional.ofNullable(url);
    }

    /** Whether there is nothing to fetch. */
    public boolean nothingToDo() {
        return url == null;
    }

    /**
     * One line for logs and the shell: options masked as in {@link RuleOptions#toString()}, and the
     * values assigned to the secret registers {@code GPP_SA..GPP_SD} masked.
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(alternative < 0 ? "no alternative" : "alternative " + (alternative + 1));
        if (!assignments.isEmpty()) {
            Map<String, String> shown = new java.util.LinkedHashMap<>();
            assignments.forEach((name, value) -> shown.put(name, isSecret(name) ? RuleOptions.MASK : value));
            b.append(", assigns ").append(shown);
        }
        if (!options.isEmpty()) {
            b.append(", options ").append(options);
        }
        b.append(url == null ? ": nothing to do (" + reason + ")" : ": fetch " + url);
        return b.toString();
    }

    /** Whether a parameter is one of the secret registers {@code GPP_SA..GPP_SD}. */
    public static boolean isSecret(String parameter) {
        return parameter.length() == 6 && parameter.startsWith("GPP_S") && parameter.charAt(5) >= 'A'
                && parameter.charAt(5) <= 'D';
    }
}
