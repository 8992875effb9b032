package org.mppfw.api.provisioning;

import java.util.ArrayList;
import java.util.List;

/**
 * The bracketed options of the chosen alternative, macro-expanded ({@code $SA..$SD} are
 * expanded only here, in {@code --key}, {@code --uid} and {@code --pwd}). {@link #toString()}
 * never shows the key or the password, nor a user id that came from a secret.
 *
 * @param key        {@code --key}: the passphrase the download (or report) is encrypted with, or {@code null}
 * @param uid        {@code --uid}: the user for an HTTP authentication challenge, or {@code null}
 * @param pwd        {@code --pwd}: the password for that challenge, or {@code null}
 * @param srv        {@code --srv}: the host is a DNS SRV domain
 * @param post       {@code --post x}: the GPP register ({@code 'a'..'p'}) whose expanded contents are
 *                   POSTed, or {@code 0}
 * @param alias      {@code --alias x}: the GPP register ({@code 'a'..'p'}) holding an alias map, or {@code 0}
 * @param delta      {@code --delta} (Report_Rule): only changed parameters
 * @param status     {@code --status} (Report_Rule): status instead of configuration
 * @param uidSecret  whether {@code --uid} was written with a secret macro, so it is masked too
 */
public record RuleOptions(String key, String uid, String pwd, boolean srv, char post, char alias,
        boolean delta, boolean status, boolean uidSecret) {

    /** No options. */
    public static final RuleOptions NONE = new RuleOptions(null, null, null, false, (char) 0, (char) 0, false,
            false, false);

    /** What is shown in place of a key, a password or a secret user id. */
    public static final String MASK = "*****";

    /** Whether no option is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** {@code [--key ***** --uid alice --pwd *****]}, or the empty string when there is none. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (key != null) {
            parts.add("--key " + MASK);
        }
        if (uid != null) {
            parts.add("--uid " + (uidSecret ? MASK : quoted(uid)));
        }
        if (pwd != null) {
            parts.add("--pwd " + MASK);
        }
        if (srv) {
            parts.add("--srv");
        }
        if (post != 0) {
            parts.add("--post " + post);
        }
        if (alias != 0) {
            parts.add("--alias " + alias);
        }
        if (delta) {
            parts.add("--delta");
        }
        if (status) {
            parts.add("--status");
        }
        return parts.isEmpty() ? "" : "[" + String.join(" ", parts) + "]";
    }

    private static String quoted(String value) {
        return value.isEmpty() || value.chars().anyMatch(c -> Character.isWhitespace(c) || c == ']' || c == '"')
                ? '"' + value + '"' : value;
    }
}
