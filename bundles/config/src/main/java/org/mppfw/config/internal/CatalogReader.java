package org.mppfw.config.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.mppfw.api.config.Access;
import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterException;
import org.mppfw.api.config.ParameterType;

/**
 * Reads {@code catalog.tsv} for one of its models and checks it as it reads: unique names, known
 * types, a default that fits its own type. The rows of other models are left out; per-line rows
 * are expanded to the model's lines in the order of a phone's {@code cfg.xml}: a run of
 * consecutive per-line rows of one kind (comments and other models' rows between them do not end
 * it) is written line by line, every row of the run for Ext 1, then every row for Ext 2, and so
 * on (Line Key 1 then Line Key 2, Unit 1 Key 1 then Unit 1 Key 2). A row of another kind or a
 * plain row ends the run.
 */
final class CatalogReader {

    private static final Pattern RANGE = Pattern.compile("\\.\\.");
    private static final Pattern BAR = Pattern.compile("\\|");

    /** A bad entry, named by its line. */
    private static final class BadLine extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadLine(int line, RuntimeException cause) {
            super("catalog line " + line + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * A row of the file: its line number, its definition as written, label or null, per-line kind,
     * whether its default holds the line's number (and so is checked for each line).
     */
    private record Row(int line, ParameterDefinition proto, String label, String per, boolean defaultVaries) {
    }

    private final String modelId;
    private final Map<String, CatalogModel> models = new LinkedHashMap<>();
    private CatalogModel model;
    private boolean rows;
    private final Map<String, ParameterDefinition> defs = new LinkedHashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final List<Row> run = new ArrayList<>();

    private CatalogReader(String modelId) {
        this.modelId = modelId;
    }

    /**
     * Reads a catalog for one of the file's models (null: the first).
     *
     * @throws IllegalArgumentException naming the line of the first bad entry
     */
    static Catalog read(InputStream in, String modelId) throws IOException {
        CatalogReader r = new CatalogReader(modelId);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int no = 0;
        while ((line = lines.readLine()) != null) {
            no++;
            if (line.isEmpty() || line.charAt(0) == '#' || line.isBlank()) {
                continue;
            }
            r.line(no, line);
        }
        r.endRun();
        if (r.defs.isEmpty()) {
            throw new IllegalArgumentException("catalog is empty");
        }
        return new Catalog(r.defs, r.labels, r.model);
    }

    /** The models the file declares ({@code @model} lines, read up to the first row), the default first. */
    static List<CatalogModel> models(InputStream in) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<CatalogModel> models = new ArrayList<>();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty() || line.charAt(0) == '#' || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (!f[0].equals("@model")) {
                break;
            }
            models.add(CatalogModel.parse(f));
        }
        return models;
    }

    private void line(int no, String line) {
        try {
            String[] f = line.split("\t", -1);
            if (f[0].equals("@model")) {
                CatalogModel m = CatalogModel.parse(f);
                if (rows || models.putIfAbsent(m.id(), m) != null) {
                    throw new IllegalArgumentException("@model " + m.id() + " repeated or after the first row");
                }
                return;
            }
            if (!rows) {
                rows = true;
                model = chosen();
            }
            row(no, f);
        } catch (BadLine e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadLine(no, e);
        }
    }

    private CatalogModel chosen() {
        if (models.isEmpty() && modelId == null) {
            return null;
        }
        CatalogModel m = modelId == null ? models.values().iterator().next() : models.get(modelId);
        if (m == null) {
            throw new IllegalArgumentException("no model " + modelId + " (known: " + models.keySet() + ")");
        }
        return m;
    }

    /** One row: 7 columns (one parameter, every model) or 10 (label, per-line kind and models added). */
    private void row(int no, String[] f) {
        if (f.length != 7 && f.length != 10) {
            throw new IllegalArgumentException("expected 7 or 10 tab-separated columns, found " + f.length);
        }
        String label = f.length == 10 && !f[7].equals("-") ? f[7] : null;
        String per = f.length == 10 ? f[8] : "-";
        String only = f.length == 10 ? f[9] : "-";
        if (!only.equals("-") && !forThisModel(only)) {
            return;
        }
        ParameterDefinition proto = prototype(f);
        if (per.equals("-")) {
            endRun();
            checkDefault(proto);
            add(new Row(no, proto, label, per, false), 0);
            return;
        }
        if (model == null) {
            throw new IllegalArgumentException("a per-line row needs a @model line");
        }
        model.count(per); // a known kind
        if (!f[0].contains(per.equals("kem") ? "[k]" : "[n]")) {
            throw new IllegalArgumentException("a per-line name needs its " + (per.equals("kem") ? "[u] and [k]" : "[n]"));
        }
        boolean defaultVaries = f[2].indexOf('[') >= 0;
        if (!defaultVaries) {
            checkDefault(proto); // once for all its lines
        }
        if (!run.isEmpty() && !run.get(0).per().equals(per)) {
            endRun();
        }
        run.add(new Row(no, proto, label, per, defaultVaries));
    }

    private boolean forThisModel(String only) {
        List<String> ids = Arrays.asList(only.split(","));
        for (String id : ids) {
            if (!models.containsKey(id)) {
                throw new IllegalArgumentException("unknown model " + id);
            }
        }
        return model != null && ids.contains(model.id());
    }

    /** Expands the pending run of per-line rows, line by line. */
    private void endRun() {
        if (run.isEmpty()) {
            return;
        }
        int count = model.count(run.get(0).per());
        for (int i = 0; i < count; i++) {
            for (Row r : run) {
                try {
                    add(r, i);
                } catch (RuntimeException e) {
                    throw new BadLine(r.line(), e);
                }
            }
        }
        run.clear();
    }

    /** Adds the i-th (0-based) expansion of a row; a plain row has only the 0th. */
    private void add(Row r, int i) {
        ParameterDefinition d = r.proto();
        String label = r.label();
        String per = r.per();
        if (!per.equals("-")) {
            String def = r.defaultVaries() ? model.expand(per, d.defaultValue(), i) : d.defaultValue();
            d = new ParameterDefinition(model.expand(per, d.name(), i), d.type(), def, d.access(), d.secret(),
                    d.choices(), d.min(), d.max(), model.expand(per, d.group(), i));
            label = label == null ? null : model.expand(per, label, i);
            if (r.defaultVaries()) {
                checkDefault(d);
            }
        }
        checkName(d.name());
        if (defs.putIfAbsent(d.name(), d) != null) {
            throw new IllegalArgumentException("duplicate name " + d.name());
        }
        if (label != null) {
            labels.put(d.name(), label);
        }
    }

    /** A row's definition, its name, default and group as written (with [n] where a per-line row has it). */
    private static ParameterDefinition prototype(String[] f) {
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
                choices = List.of(BAR.split(constraint));
                break;
            case INTEGER:
            case INTEGER_LIST:
                String[] range = RANGE.split(constraint);
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
        return new ParameterDefinition(f[0], type, def, access, secret, choices, min, max, f[6]);
    }

    /** A letter, then letters, digits and {@code _ . -}. */
    private static void checkName(String name) {
        boolean ok = !name.isEmpty() && isLetter(name.charAt(0));
        for (int i = 1; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
        }
        if (!ok) {
            throw new IllegalArgumentException("bad name '" + name + "'");
        }
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static void checkDefault(ParameterDefinition d) {
        String def = d.defaultValue();
        try {
            String normal = Values.normalize(d, def);
            if (!normal.equals(def)) {
                throw new IllegalArgumentException("default of " + d.name() + " is not in normal form: " + normal);
            }
        } catch (ParameterException e) {
            throw new IllegalArgumentException("default does not fit its type: " + e.getMessage(), e);
        }
    }
}
