package org.mppfw.api.config;

/**
 * One parameter's change, as delivered to {@link ParameterListener}s.
 *
 * @param name     the parameter
 * @param oldValue the value before
 * @param newValue the value after
 * @param secret   whether the values are secrets (must not be printed)
 */
public record ParameterChange(String name, String oldValue, String newValue, boolean secret) {

    @Override
    public String toString() {
        return secret ? name + " changed" : name + ": '" + oldValue + "' -> '" + newValue + "'";
    }
}
