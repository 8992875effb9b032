package org.mppfw.config.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.mppfw.api.config.ChangeSource;

/**
 * Child process of {@link SubmitKillTest}: one Submit All Changes, as the web pages make it. It
 * opens the store of a data dir and applies, in one {@code setAll}, the value {@code args[1]} to
 * every parameter of {@link #NAMES}, then calls {@link #submitted()} and ends.
 */
public final class SubmitTarget {

    /** The parameters of the submit: the GPP registers (the last four secrets) and a few more. */
    static final String[] NAMES = {"GPP_A", "GPP_B", "GPP_C", "GPP_D", "GPP_E", "GPP_F", "GPP_G", "GPP_H", "GPP_I",
        "GPP_J", "GPP_K", "GPP_L", "GPP_M", "GPP_N", "GPP_O", "GPP_P", "GPP_SA", "GPP_SB", "GPP_SC", "GPP_SD",
        "Station_Name", "Profile_Rule", "Upgrade_Rule"};

    private SubmitTarget() {
    }

    public static void main(String[] args) throws Exception {
        ParameterStoreImpl store = open(Path.of(args[0]));
        submit(store, args[1]);
        submitted();
    }

    /** The submit (a breakpoint of the test). */
    static void submit(ParameterStoreImpl store, String value) throws Exception {
        store.setAll(values(value), ChangeSource.ADMIN);
    }

    /**
     * The store of a data dir, on the standard catalog's rows of {@link #NAMES} only: the same
     * code writes the same file, without the time a whole catalog takes under the debugger.
     */
    static ParameterStoreImpl open(Path data) throws IOException {
        Set<String> names = Set.of(NAMES);
        StringBuilder b = new StringBuilder();
        try (InputStream in = Catalog.class.getResourceAsStream(Catalog.RESOURCE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("@") || line.isBlank()
                        || names.contains(line.substring(0, Math.max(0, line.indexOf('\t'))))) {
                    b.append(line).append('\n');
                }
            }
        }
        Catalog catalog = Catalog.parse(new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8)));
        return new ParameterStoreImpl(data, catalog, ParameterStoreImpl.Options.defaults());
    }

    /** Every parameter of the submit with one value. */
    static Map<String, String> values(String value) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : NAMES) {
            m.put(n, value);
        }
        return m;
    }

    /** Reached once the submit has returned (a breakpoint of the test). */
    static void submitted() {
        System.out.println("submitted");
    }
}
