package org.mppfw.config.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mppfw.api.config.Access;
import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterException;
import org.mppfw.api.config.ParameterType;

/**
 * The parameter catalog, read from the tab-separated resource {@code catalog.tsv} and checked
 * as it is read: unique names, known types, a default that fits its own type.
 */
public final class Catalog {

    static final String RESOURCE = "catalog.tsv";

    private final Map<String, ParameterDefinition> byName;
    private final List<ParameterDefinition> ordered;

    private Catalog(Map<String, ParameterDefinition> byName) {
        this.byName = Collections.unmodifiableMap(byName);
        this.ordered = List.copyOf(byName.values());
    }

    /** The phone's catalog, bundled with this class. */
    public static Catalog standard() {
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource " + RESOURCE + " is missing");
            }
            return parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the parameter catalog: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a catalog in the {@code catalog.tsv} format.
     *
     * @throws IllegalArgumentException naming the line of the first bad entry
     */
    static Catalog parse(InputStream in) throws IOException {
        Map<String, ParameterDefinition> defs = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int no = 0;
        while ((line = r.readLine()) != null) {
            no++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                ParameterDefinition d = entry(line.split("\t", -1));
                if (defs.putIfAbsent(d.name(), d) != null) {
                    throw new IllegalArgumentException("duplicate name " + d.name());
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("catalog line " + no + ": " + e.getMessage(), e);
            }
        }
        if (defs.isEmpty()) {
            throw new IllegalArgumentException("catalog is empty");
        }
        return new Catalog(defs);
    }

    private static ParameterDefinition entry(String[] f) {
        if (f.length != 7) {
            throw new IllegalArgumentException("expected 7 tab-separated columns, found " + f.length);
        }
        String name = f[0];
        if (!name.matches("[A-Za-z][A-Za-z0-9_.\\-]*")) {
            throw new IllegalArgumentException("bad name '" + name + "'");
        }
        ParameterType type = ParameterType.valueOf(f[1]);
        String def = "-".equals(f[2]) ? "" : f[2];
        Access access = Access.parse(f[3]);
        if (!f[4].equals("y") && !f[4].equals("n")) {
            throw new IllegalArgumentException("secret must be y or n");
        }
        boolean secret = f[4].equals("y");
        List<String> choices = List.of();
        long min = 0;
        long max = 0;
        String constraint = f[5];
        switch (type) {
            case CHOICE:
                choices = Arrays.asList(constraint.split("\\|"));
                break;
            case INTEGER:
            case INTEGER_LIST:
                String[] range = constraint.split("\\.\\.");
                if (range.length != 2) {
                    throw new IllegalArgumentException(type + " needs a range min..max");
                }
                min = Long.parseLong(range[0]);
                max = Long.parseLong(range[1]);
                if (min > max) {
                    throw new IllegalArgumentException("empty range " + constraint);
                }
                break;
            default:
                if (!"-".equals(constraint)) {
                    throw new IllegalArgumentException(type + " takes no constraint");
                }
        }
        ParameterDefinition d = new ParameterDefinition(name, type, def, access, secret, choices, min, max, f[6]);
        try {
            String normal = Values.normalize(d, def);
            if (!normal.equals(def)) {
                throw new IllegalArgumentException("default of " + name + " is not in normal form: " + normal);
            }
        } catch (ParameterException e) {
            throw new IllegalArgumentException("default does not fit its type: " + e.getMessage(), e);
        }
        return d;
    }

    /** Every definition in documented order. */
    public List<ParameterDefinition> definitions() {
        return ordered;
    }

    public Optional<ParameterDefinition> definition(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /**
     * The definition of a name.
     *
     * @throws ParameterException if the catalog does not know it
     */
    ParameterDefinition require(String name) {
        ParameterDefinition d = name == null ? null : byName.get(name);
        if (d == null) {
            throw new ParameterException("unknown parameter '" + Values.abbreviate(String.valueOf(name)) + "'");
        }
        return d;
    }

    public int size() {
        return byName.size();
    }
}
