package org.mppfw.api.config;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the parameter catalog.
 *
 * @param name         the XML element name, case-sensitive ({@code Resync_Periodic})
 * @param type         the kind of value
 * @param defaultValue the factory default
 * @param access       the factory user access
 * @param secret       whether the value is a secret: never logged, exported or shown
 * @param choices      allowed values of a {@link ParameterType#CHOICE}, else empty
 * @param min          lowest value of an {@link ParameterType#INTEGER}
 * @param max          highest value of an {@link ParameterType#INTEGER}
 * @param group        the web page group it belongs to ({@code Provisioning/Configuration Profile})
 */
public record ParameterDefinition(String name, ParameterType type, String defaultValue, Access access,
        boolean secret, List<String> choices, long min, long max, String group) {

    public ParameterDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(access, "access");
        choices = List.copyOf(choices);
        group = group == null ? "" : group;
    }
}
