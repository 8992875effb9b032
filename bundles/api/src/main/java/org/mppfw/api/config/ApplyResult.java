package org.mppfw.api.config;

import java.util.List;

/**
 * What applying one profile did. A profile that is not well-formed never yields a result: it
 * throws {@link ProfileException} and changes nothing.
 *
 * @param changed   the parameters whose value or access changed, in document order
 * @param unchanged how many known parameters already had the given value and access
 * @param unknown   element names inside {@code <flat-profile>} that are not in the catalog
 * @param rejected  known parameters whose value was refused (bad value, masked value, no access)
 * @param preserved parameters kept at the user's value because of {@code preserve-value="y"}
 * @param sha256    hex SHA-256 of the profile document as received
 */
public record ApplyResult(List<String> changed, int unchanged, List<String> unknown,
        List<Rejection> rejected, List<String> preserved, String sha256) {

    public ApplyResult {
        changed = List.copyOf(changed);
        unknown = List.copyOf(unknown);
        rejected = List.copyOf(rejected);
        preserved = List.copyOf(preserved);
    }

    /** One line for logs and the shell. */
    public String summary() {
        return changed.size() + " changed, " + unchanged + " unchanged, " + unknown.size() + " unknown, "
                + rejected.size() + " rejected, " + preserved.size() + " preserved";
    }
}
