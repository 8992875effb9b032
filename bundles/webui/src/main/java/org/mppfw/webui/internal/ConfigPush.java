package org.mppfw.webui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterStore;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * {@code POST /admin/config.xml}: a {@code <flat-profile>} (at any depth, e.g. inside
 * {@code <device>}) applied all at once through {@link ParameterStore#setAll}: one refused value
 * and nothing changes. Values are trimmed; the last occurrence of a name wins; names the phone
 * does not know are ignored, as in a profile; a masked value ({@code ************}, as
 * {@code /cfg.xml} exports a secret) leaves the parameter as it is. {@code ua} attributes are not
 * applied by a push: access is the provisioning profiles' business.
 */
final class ConfigPush {

    /** What a push did. */
    record Outcome(int applied, int ignored) {
    }

    private ConfigPush() {
    }

    static Outcome apply(ParameterStore store, InputStream body) throws IOException, SAXException {
        Document doc = parser().parse(body);
        NodeList profiles = doc.getElementsByTagName("flat-profile");
        if (profiles.getLength() == 0) {
            throw new SAXException("no <flat-profile> element");
        }
        Map<String, String> values = new LinkedHashMap<>();
        int ignored = 0;
        for (int p = 0; p < profiles.getLength(); p++) {
            for (Node n = profiles.item(p).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element e)) {
                    continue;
                }
                String name = e.getTagName();
                String value = e.getTextContent().strip().replaceAll("\\s*\\R\\s*", " ");
                if (store.definition(name).isEmpty() || masked(value)) {
                    ignored++;
                    continue;
                }
                values.remove(name);
                values.put(name, value);
            }
        }
        store.setAll(values, ChangeSource.ADMIN);
        return new Outcome(values.size(), ignored);
    }

    static boolean masked(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c == '*');
    }

    private static DocumentBuilder parser() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler()); // no "[Fatal Error]" on stderr; errors are thrown
            return b;
        } catch (ParserConfigurationException e) {
            throw new IOException(e);
        }
    }
}
