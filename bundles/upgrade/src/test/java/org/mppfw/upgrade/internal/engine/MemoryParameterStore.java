package org.mppfw.upgrade.internal.engine;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.Parameter;
import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterException;
import org.mppfw.api.config.ParameterStore;

/**
 * A test double of the parameter store: values in memory, no catalog, no persistence, no
 * listeners. Like the real store it knows only the names it was given, and refuses others, so
 * that a test notices a parameter the code reads without the test having said its value.
 */
final class MemoryParameterStore implements ParameterStore {

    private final Map<String, String> values = new LinkedHashMap<>();

    /** @param namesAndValues name, value, name, value, ... */
    MemoryParameterStore(String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
    }

    /** Sets a value, known or not (the test's own setting, not a user's). */
    synchronized MemoryParameterStore put(String name, String value) {
        values.put(name, value);
        return this;
    }

    @Override
    public synchronized String get(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new ParameterException("unknown parameter " + name);
        }
        return v;
    }

    @Override
    public synchronized Map<String, String> values() {
        return Map.copyOf(values);
    }

    @Override
    public synchronized void set(String name, String value, ChangeSource source) {
        get(name);
        values.put(name, value);
    }

    @Override
    public synchronized void setAll(Map<String, String> changes, ChangeSource source) {
        changes.keySet().forEach(this::get);
        values.putAll(changes);
    }

    @Override
    public Collection<ParameterDefinition> catalog() {
        return List.of();
    }

    @Override
    public Optional<ParameterDefinition> definition(String name) {
        return Optional.empty();
    }

    @Override
    public Optional<Parameter> parameter(String name) {
        return Optional.empty();
    }

    @Override
    public ApplyResult applyProfile(InputStream xml, ChangeSource source) {
        throw new UnsupportedOperationException("not in this test double");
    }

    @Override
    public void exportProfile(OutputStream out) {
        throw new UnsupportedOperationException("not in this test double");
    }

    @Override
    public void exportProfile(OutputStream out, java.util.function.Predicate<String> names) {
        throw new UnsupportedOperationException("not in this test double");
    }

    @Override
    public void factoryReset() {
        throw new UnsupportedOperationException("not in this test double");
    }
}
