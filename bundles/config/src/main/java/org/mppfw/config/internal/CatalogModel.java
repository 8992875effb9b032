package org.mppfw.config.internal;

import java.util.Map;

/**
 * A phone model as the catalog describes it: its id in the catalog's {@code models} column, its
 * product name, and how many extensions, line keys and key-expansion-module units and keys per
 * unit it has. Declared in {@code catalog.tsv} by a {@code @model} line.
 */
record CatalogModel(String id, String product, int extensions, int lineKeys, int kemUnits, int kemKeys) {

    CatalogModel {
        if (extensions < 1 || lineKeys < 1 || kemUnits < 0 || kemKeys < 0) {
            throw new IllegalArgumentException("bad counts for model " + id);
        }
    }

    /** Reads {@code @model id product ext=N keys=N kem=UxK}. */
    static CatalogModel parse(String[] f) {
        if (f.length != 6 || !f[0].equals("@model")) {
            throw new IllegalArgumentException("expected @model id product ext=N keys=N kem=UxK");
        }
        Map<String, String> kv = new java.util.HashMap<>();
        for (int i = 3; i < 6; i++) {
            String[] p = f[i].split("=", 2);
            if (p.length != 2) {
                throw new IllegalArgumentException("expected key=value, found '" + f[i] + "'");
            }
            kv.put(p[0], p[1]);
        }
        String[] kem = kv.getOrDefault("kem", "").split("x");
        if (kem.length != 2 || !kv.containsKey("ext") || !kv.containsKey("keys")) {
            throw new IllegalArgumentException("expected ext=N keys=N kem=UxK");
        }
        return new CatalogModel(f[1], f[2], Integer.parseInt(kv.get("ext")), Integer.parseInt(kv.get("keys")),
                Integer.parseInt(kem[0]), Integer.parseInt(kem[1]));
    }

    /** How many names a row of this per-line kind stands for on this model. */
    int count(String per) {
        switch (per) {
            case "-":
                return 1;
            case "ext":
                return extensions;
            case "key":
                return lineKeys;
            case "kem":
                return kemUnits * kemKeys;
            default:
                throw new IllegalArgumentException("per must be -, ext, key or kem, found '" + per + "'");
        }
    }

    /** The i-th (0-based) expansion of a name or default: [n] the line, [u] the unit, [k] the unit's key. */
    String expand(String per, String text, int i) {
        if (per.equals("kem")) {
            return text.replace("[u]", Integer.toString(i / kemKeys + 1)).replace("[k]", Integer.toString(i % kemKeys + 1));
        }
        return text.replace("[n]", Integer.toString(i + 1));
    }
}
