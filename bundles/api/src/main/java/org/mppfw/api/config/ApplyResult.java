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
 * @param otherModels element names that are not parameters of this phone's model but of another
 *                  model of the series (a profile written for all of them): ignored like the
 *                  unknown ones, and not counted among them
 * @since 1.2
 */
public record ApplyResult(List<String> changed, int unchanged, List<String> unknown,
        List<Rejection> rejected, List<String> preserved, String sha256, List<String> otherModels) {

    public ApplyResult {
        changed = List.copyOf(changed);
        unknown = List.copyOf(unknown);
        rejected = List.copyOf(rejected);
        preserved = List.copyOf(preserved);
        otherModels = List.copyOf(otherModels);
    }

    /** A result without names of other models. */
    public ApplyResult(List<String> changed, int unchanged, List<String> unknown, List<Rejection> rejected,
            List<String> preserved, String sha256) {
        this(changed, unchanged, unknown, rejected, preserved, sha256, List.of());
    }

    /** One line for logs and the shell. */
    public String summary() {
        return changed.size() + " changed, " + unchanged + " unchanged, " + unknown.size() + " unknown, "
                + rejected.size() + " rejected, " + preserved.size() + " preserved"
                + (otherModels.isEmpty() ? "" : ", " + otherModels.size() + " of other models");
    }
}
