package org.mppfw.config.internal;

import java.util.List;

/**
 * A parsed {@code <flat-profile>} document: its parameter elements in document order and the
 * SHA-256 of the bytes as received.
 *
 * @param entries      every element found directly inside a {@code <flat-profile>}
 * @param flatProfiles how many {@code <flat-profile>} elements the document holds
 * @param sha256       lower-case hex SHA-256 of the document
 */
record FlatProfile(List<Entry> entries, int flatProfiles, String sha256) {

    FlatProfile {
        entries = List.copyOf(entries);
    }

    /**
     * One parameter element.
     *
     * @param name     the element name, exactly as written
     * @param value    the text: trimmed, embedded line breaks turned into spaces
     * @param ua       the {@code ua} attribute as written, or null when absent
     * @param preserve whether {@code preserve-value} asks to keep a value the user set
     * @param problem  why the element itself is unusable (bad attribute, child elements,
     *                 value too long), or null
     * @param line     the element's line, 1-based
     */
    record Entry(String name, String value, String ua, boolean preserve, String problem, int line) {
    }
}
