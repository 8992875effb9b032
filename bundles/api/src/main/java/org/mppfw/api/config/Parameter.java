package org.mppfw.api.config;

/**
 * A parameter's current state.
 *
 * @param definition its catalog entry
 * @param value      its current value; a secret's real value (callers must not print it)
 * @param access     its current user access
 * @param userSet    whether the User account set the current value (kept by {@code preserve-value})
 */
public record Parameter(ParameterDefinition definition, String value, Access access, boolean userSet) {

    public String name() {
        return definition.name();
    }

    /** The value to show to a person: the value itself, or a mask for a secret that is set. */
    public String displayValue() {
        return definition.secret() && !value.isEmpty() ? ParameterStore.MASK : value;
    }

    /** Whether the value differs from the factory default. */
    public boolean isDefault() {
        return value.equals(definition.defaultValue());
    }

    @Override
    public String toString() {
        return name() + "=" + displayValue() + " (ua=" + access.token() + ")";
    }
}
