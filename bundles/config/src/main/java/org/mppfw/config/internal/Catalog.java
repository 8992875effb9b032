package org.mppfw.config.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
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
 * as it is read: unique names, known types, a default that fits its own type. The file describes
 * several phone models ({@code @model} lines, the first is the default); a catalog is that of one
 * model: the rows of other models are left out and each per-line row is expanded to the model's
 * extensions, line keys or key-expansion-module keys.
 */
public final class Catalog {

    static final String RESOURCE = "catalog.tsv";

    private final Map<String, ParameterDefinition> byName;
    private final List<ParameterDefinition> ordered;
    private final Map<String, String> labels;
    private final CatalogModel model;

    private Catalog(Map<String, ParameterDefinition> byName, Map<String, String> labels, CatalogModel model) {
        this.byName = Collections.unmodifiableMap(byName);
        this.ordered = List.copyOf(byName.values());
        this.labels = Collections.unmodifiableMap(labels);
        this.model = model;
    }

    /** The phone's catalog, bundled with this class, for the default model (the file's first). */
    public static Catalog standard() {
        return standard(null);
    }

    /** The phone's catalog for a model of the file by its id ({@code 8845}, {@code 7841}, ...), null for the default. */
    public static Catalog standard(String modelId) {
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource " + RESOURCE + " is missing");
            }
            return parse(in, modelId);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the parameter catalog: " + e.getMessage(), e);
        }
    }

    /** Reads a catalog in the {@code catalog.tsv} format for its default model. */
    static Catalog parse(InputStream in) throws IOException {
        return parse(in, null);
    }

    /**
     * Reads a catalog in the {@code catalog.tsv} format for one of its models (null: the first).
     *
     * @throws IllegalArgumentException naming the line of the first bad entry
     */
    static Catalog parse(InputStream in, String modelId) throws IOException {
        Map<String, ParameterDefinition> defs = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, CatalogModel> models = new LinkedHashMap<>();
        CatalogModel model = null;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int no = 0;
        while ((line = r.readLine()) != null) {
            no++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                String[] f = line.split("\t", -1);
                if (f[0].equals("@model")) {
                    CatalogModel m = CatalogModel.parse(f);
                    if (!defs.isEmpty() || models.putIfAbsent(m.id(), m) != null) {
                        throw new IllegalArgumentException("@model " + m.id() + " repeated or after the first row");
                    }
                    continue;
                }
                if (model == null) {
                    model = chosen(models, modelId);
                }
                addRow(f, model, models, defs, labels);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("catalog line " + no + ": " + e.getMessage(), e);
            }
        }
        if (defs.isEmpty()) {
            throw new IllegalArgumentException("catalog is empty");
        }
        return new Catalog(defs, labels, model);
    }

    private static CatalogModel chosen(Map<String, CatalogModel> models, String id) {
        if (models.isEmpty() && id == null) {
            return null;
        }
        CatalogModel m = id == null ? models.values().iterator().next() : models.get(id);
        if (m == null) {
            throw new IllegalArgumentException("no model " + id + " (known: " + models.keySet() + ")");
        }
        return m;
    }

    /** One row: 7 columns (one parameter, every model) or 10 (label, per-line kind and models added). */
    private static void addRow(String[] f, CatalogModel model, Map<String, CatalogModel> models,
            Map<String, ParameterDefinition> defs, Map<String, String> labels) {
        if (f.length != 7 && f.length != 10) {
            throw new IllegalArgumentException("expected 7 or 10 tab-separated columns, found " + f.length);
        }
        String label = f.length == 10 && !f[7].equals("-") ? f[7] : null;
        String per = f.length == 10 ? f[8] : "-";
        String only = f.length == 10 ? f[9] : "-";
        if (!only.equals("-")) {
            List<String> ids = Arrays.asList(only.split(","));
            for (String id : ids) {
                if (!models.containsKey(id)) {
                    throw new IllegalArgumentException("unknown model " + id);
                }
            }
            if (model == null || !ids.contains(model.id())) {
                return;
            }
        }
        if (!per.equals("-") && model == null) {
            throw new IllegalArgumentException("a per-line row needs a @model line");
        }
        int count = model == null ? 1 : model.count(per);
        if (!per.equals("-") && !f[0].contains(per.equals("kem") ? "[k]" : "[n]")) {
            throw new IllegalArgumentException("a per-line name needs its " + (per.equals("kem") ? "[u] and [k]" : "[n]"));
        }
        for (int i = 0; i < count; i++) {
            String[] g = f.clone();
            if (!per.equals("-")) {
                g[0] = model.expand(per, f[0], i);
                g[2] = model.expand(per, f[2], i);
                g[6] = model.expand(per, f[6], i);
            }
            ParameterDefinition d = entry(g);
            if (defs.putIfAbsent(d.name(), d) != null) {
                throw new IllegalArgumentException("duplicate name " + d.name());
            }
            if (label != null) {
                labels.put(d.name(), per.equals("-") ? label : model.expand(per, label, i));
            }
        }
    }

    private static ParameterDefinition entry(String[] f) {
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

    /** The web page's label of a parameter, empty where the file gives none. */
    public String label(String name) {
        return labels.getOrDefault(name, "");
    }

    /** The model's product name ({@code CP-8845-3PCC}), empty for a file that declares no model. */
    public String product() {
        return model == null ? "" : model.product();
    }

    int extensions() {
        return model == null ? 0 : model.extensions();
    }

    int lineKeys() {
        return model == null ? 0 : model.lineKeys();
    }

    public int size() {
        return byName.size();
    }
}
