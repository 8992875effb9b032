package org.mppfw.config.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterStore;

/**
 * The configuration written as a phone's {@code cfg.xml}: one {@code <flat-profile>} with an
 * element per parameter in the catalog's order, a comment naming each group where it starts
 * (the web page and section), every element with its {@code ua} attribute, an empty value as an
 * empty element ({@code <Proxy_Host ua="rw"/>}), and a secret that is set as the mask
 * {@link ParameterStore#MASK} (an empty secret stays empty), which the importer never applies.
 */
final class CfgXml {

    private CfgXml() {
    }

    static void write(List<ParameterDefinition> catalog, Map<String, Slot> values, OutputStream out) throws IOException {
        StringBuilder b = new StringBuilder(64 * catalog.size() + 128);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<flat-profile>\n");
        String group = null;
        for (ParameterDefinition d : catalog) {
            if (!d.group().equals(group)) {
                group = d.group();
                b.append("<!-- ").append(comment(group)).append(" -->\n");
            }
            Slot s = values.get(d.name());
            String v = d.secret() && !s.value().isEmpty() ? ParameterStore.MASK : s.value();
            b.append('<').append(d.name()).append(" ua=\"").append(s.access().token()).append('"');
            if (v.isEmpty()) {
                b.append("/>\n");
            } else {
                b.append('>').append(Xml.escape(v)).append("</").append(d.name()).append(">\n");
            }
        }
        b.append("</flat-profile>\n");
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A group name as comment text: XML forbids {@code --} inside a comment. */
    private static String comment(String group) {
        String c = group.replace("--", "- -");
        return c.endsWith("-") ? c + " " : c;
    }
}
