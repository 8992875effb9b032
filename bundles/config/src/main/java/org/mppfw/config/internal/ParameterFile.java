package org.mppfw.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.mppfw.api.config.Access;
import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterException;
import org.mppfw.layout.Durable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persisted parameter set, {@code <data>/config/parameters.xml}: every parameter whose value,
 * access or user-set flag differs from the factory state, then every {@link KeptValue} as it was
 * read (same element, so that any firmware reads the file).
 *
 * <pre>
 * &lt;parameters format="1"&gt;
 *   &lt;p n="Resync_Periodic" ua="na" user="n"&gt;7200&lt;/p&gt;
 * &lt;/parameters&gt;
 * </pre>
 */
final class ParameterFile {

    static final String FILE_NAME = "parameters.xml";

    private static final Logger LOG = LoggerFactory.getLogger(ParameterFile.class);

    private ParameterFile() {
    }

    /** The file cannot be read as a parameter set. */
    static final class CorruptException extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptException(String message) {
            super(message);
        }
    }

    /**
     * What a file holds for a catalog.
     *
     * @param slots every catalog parameter's state, in catalog order
     * @param kept  the values the catalog cannot take, by name, in file order
     */
    record Contents(Map<String, Slot> slots, Map<String, KeptValue> kept) {
    }

    /** The bytes of a set: entries that differ from the catalog's factory state, then the kept ones. */
    static byte[] serialize(Catalog catalog, Map<String, Slot> state, Map<String, KeptValue> kept) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<parameters format=\"1\">\n");
        Set<String> written = new HashSet<>();
        for (ParameterDefinition d : catalog.definitions()) {
            Slot s = state.get(d.name());
            if (s == null || (s.value().equals(d.defaultValue()) && s.access() == d.access() && !s.userSet())) {
                continue;
            }
            entry(b, d.name(), s.value(), s.access(), s.userSet());
            written.add(d.name());
        }
        for (KeptValue k : kept.values()) {
            if (!written.contains(k.name())) {
                entry(b, k.name(), k.value(), k.access(), k.userSet());
            }
        }
        b.append("</parameters>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void entry(StringBuilder b, String name, String value, Access access, boolean user) {
        b.append("  <p n=\"").append(Xml.escape(name)).append("\" ua=\"").append(access.token())
                .append("\" user=\"").append(user ? 'y' : 'n').append("\">")
                .append(Xml.escape(value)).append("</p>\n");
    }

    static void write(Path file, Catalog catalog, Map<String, Slot> state, Map<String, KeptValue> kept)
            throws IOException {
        Durable.savePrivate(file, serialize(catalog, state, kept));
    }

    /**
     * Reads a set: the factory state overlaid with the file's entries. An entry the catalog does
     * not know, or whose value does not fit it, is kept as it is (and logged without its value);
     * the parameter keeps its default.
     *
     * @throws CorruptException if the file is not a complete parameter set
     */
    static Contents read(Path file, Catalog catalog) throws IOException, CorruptException {
        Contents c = new Contents(defaults(catalog), new LinkedHashMap<>());
        try (InputStream raw = Files.newInputStream(file)) {
            SecureXml.LimitedInputStream in = new SecureXml.LimitedInputStream(raw, SecureXml.MAX_BYTES);
            XMLStreamReader r = SecureXml.reader(in);
            try {
                readInto(r, catalog, c);
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new CorruptException("not a complete parameter file: " + firstLine(e.getMessage()));
        }
        if (!c.kept().isEmpty()) {
            LOG.info("Kept {} stored values this firmware cannot take, for a firmware that can: {}",
                    c.kept().size(), String.join(", ", c.kept().keySet()));
        }
        return c;
    }

    private static void readInto(XMLStreamReader r, Catalog catalog, Contents state)
            throws XMLStreamException, CorruptException {
        int depth = 0;
        boolean root = false;
        String name = null;
        Access access = null;
        boolean user = false;
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.DTD:
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw new CorruptException("unexpected DTD or entity");
                case XMLStreamConstants.START_ELEMENT:
                    depth++;
                    if (depth == 1) {
                        if (!"parameters".equals(r.getLocalName()) || !"1".equals(r.getAttributeValue(null, "format"))) {
                            throw new CorruptException("root is not <parameters format=\"1\">");
                        }
                        root = true;
                    } else if (depth == 2 && "p".equals(r.getLocalName())) {
                        name = r.getAttributeValue(null, "n");
                        String ua = r.getAttributeValue(null, "ua");
                        if (name == null || ua == null) {
                            throw new CorruptException("entry without name or access");
                        }
                        try {
                            access = Access.parse(ua);
                        } catch (IllegalArgumentException e) {
                            throw new CorruptException("entry " + name + " has a bad access");
                        }
                        user = "y".equals(r.getAttributeValue(null, "user"));
                        text.setLength(0);
                    } else {
                        throw new CorruptException("unexpected element <" + r.getLocalName() + ">");
                    }
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (name != null) {
                        text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    if (depth == 2 && name != null) {
                        put(catalog, state, name, text.toString(), access, user);
                        name = null;
                    }
                    depth--;
                    break;
                default:
                    break;
            }
        }
        if (!root) {
            throw new CorruptException("empty file");
        }
    }

    private static void put(Catalog catalog, Contents state, String name, String value, Access access,
            boolean user) {
        Optional<ParameterDefinition> d = catalog.definition(name);
        if (d.isEmpty()) {
            state.kept().remove(name);
            state.kept().put(name, new KeptValue(name, value, access, user, false));
            return;
        }
        try {
            state.slots().put(name, new Slot(Values.normalize(d.get(), value), access, user));
            state.kept().remove(name);
        } catch (ParameterException e) {
            // the message never quotes a secret's value
            LOG.warn("Stored value of {} kept aside, the default applies: {}", name, e.getMessage());
            state.slots().put(name, new Slot(d.get().defaultValue(), d.get().access(), false));
            state.kept().remove(name);
            state.kept().put(name, new KeptValue(name, value, access, user, true));
        }
    }

    /** The factory state of every catalog parameter, in catalog order. */
    static Map<String, Slot> defaults(Catalog catalog) {
        Map<String, Slot> m = new LinkedHashMap<>();
        for (ParameterDefinition d : catalog.definitions()) {
            m.put(d.name(), new Slot(d.defaultValue(), d.access(), false));
        }
        return m;
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "parse error";
        }
        String s = m.strip();
        int i = s.indexOf("Message: ");
        if (i >= 0) {
            s = s.substring(i + 9);
        }
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }
}
