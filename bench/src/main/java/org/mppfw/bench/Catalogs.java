package org.mppfw.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.config.internal.Catalog;

/**
 * The catalogs and profiles the benchmarks use: the phone's catalog as shipped, and one of k times
 * its rows (the rows again with a prefix on each name, {@code C2_Proxy_[n]_}), so that a catalog
 * growing to the guides' full size is measured before it exists; a profile setting every parameter
 * of a catalog to a valid value other than its default.
 */
final class Catalogs {

    private Catalogs() {
    }

    /** The text of the shipped {@code catalog.tsv}. */
    static String shipped() {
        try (InputStream in = Catalog.class.getResourceAsStream("catalog.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped catalog's text with its rows k times (k ≥ 1); its models and comments once. */
    static String times(int k) {
        String text = shipped();
        StringBuilder b = new StringBuilder(text.length() * k);
        b.append(text);
        for (int c = 2; c <= k; c++) {
            for (String line : text.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("@model")) {
                    b.append('C').append(c).append('_').append(line).append('\n');
                }
            }
        }
        return b.toString();
    }

    /** {@code standard}: the shipped catalog; {@code xK}: K times its rows; for the default model. */
    static Catalog named(String name) {
        if (name.equals("standard")) {
            return Catalog.standard();
        }
        return parse(times(Integer.parseInt(name.substring(1))));
    }

    static Catalog parse(String text) {
        try {
            return Catalog.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A {@code <flat-profile>} setting every parameter of the catalog to a valid value other than
     * its default (variant 0 or 1: two such values where the type has two, so that alternating
     * the variants changes every string, integer and choice).
     */
    static byte[] profile(Catalog catalog, int variant) {
        StringBuilder b = new StringBuilder(96 * catalog.size());
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<flat-profile>\n");
        for (ParameterDefinition d : catalog.definitions()) {
            b.append('<').append(d.name()).append(" ua=\"na\">").append(value(d, variant)).append("</")
                    .append(d.name()).append(">\n");
        }
        return b.append("</flat-profile>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String value(ParameterDefinition d, int variant) {
        String def = d.defaultValue();
        switch (d.type()) {
            case BOOLEAN:
                return def.equals("Yes") ? "No" : "Yes";
            case INTEGER: {
                String lo = Long.toString(d.min());
                String hi = Long.toString(d.max());
                String first = variant == 0 ? lo : hi;
                String second = variant == 0 ? hi : lo;
                return first.equals(def) ? second : first;
            }
            case INTEGER_LIST:
                return variant == 0 ? d.min() + "," + d.max() : Long.toString(d.max());
            case CHOICE: {
                for (int i = 0; i < d.choices().size(); i++) {
                    String c = d.choices().get(variant == 0 ? i : d.choices().size() - 1 - i);
                    if (!c.equals(def)) {
                        return c;
                    }
                }
                return def;
            }
            case DELAY_LIST:
                return variant == 0 ? "30,60+30" : "90";
            case TIME_OF_DAY:
                return variant == 0 ? "0130" : "2359";
            default:
                return (variant == 0 ? "a" : "b") + " value of " + d.name();
        }
    }
}
