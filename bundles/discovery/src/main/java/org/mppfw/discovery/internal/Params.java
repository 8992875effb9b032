package org.mppfw.discovery.internal;

import org.mppfw.api.config.ParameterStore;

/** Reading parameters the way discovery needs them: never null, never throwing. */
final class Params {

    private Params() {
    }

    /** A parameter's value; empty when it has none or the store cannot answer. */
    static String get(ParameterStore store, String name) {
        try {
            String v = store.get(name);
            return v == null ? "" : v;
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Cisco's yes/no values, and true/1. */
    static boolean yes(String v) {
        return v != null && (v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true") || v.equals("1"));
    }
}
