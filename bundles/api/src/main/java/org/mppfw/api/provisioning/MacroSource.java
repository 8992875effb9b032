package org.mppfw.api.provisioning;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The values macros expand to, looked up by macro name without the {@code $}: {@code MA},
 * {@code PSN}, {@code A} (GPP_A), {@code SA} (GPP_SA), {@code PRVTMR}, ... Which names are
 * macros is fixed by the expander; a source only supplies values.
 */
@ConsumerType
@FunctionalInterface
public interface MacroSource {

    /**
     * The value of a macro, or {@code null} when the phone does not know it now (a known macro
     * without a value expands to the empty string).
     */
    String value(String name);

    /** A source backed by a map (tests, previews). */
    static MacroSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return copy::get;
    }

    /** This source with {@code overrides} taking precedence. */
    default MacroSource with(Map<String, String> overrides) {
        Map<String, String> copy = Map.copyOf(overrides);
        return name -> copy.containsKey(name) ? copy.get(name) : value(name);
    }
}
