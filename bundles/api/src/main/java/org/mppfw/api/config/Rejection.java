package org.mppfw.api.config;

/**
 * A parameter of a profile that was not applied.
 *
 * @param name   the element name
 * @param line   its line in the profile (1-based), or 0 when unknown
 * @param reason why, in words for an operator (never the value of a secret)
 */
public record Rejection(String name, int line, String reason) {

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + name + ": " + reason;
    }
}
