package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mppfw.api.config.Access;
import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterException;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.config.Rejection;

/**
 * {@code param:export} writes a phone's cfg.xml, and that file imports back with nothing changed:
 * every parameter of the catalog, whatever the catalog holds, set to a value and a {@code ua}
 * other than its factory ones, on every model the catalog declares.
 */
class ExportRoundTripTest {

    @TempDir
    Path data;

    private ParameterStoreImpl store;
    private Catalog catalog;

    /** The store of one of the catalog's models (null: the default one) on the test's data dir. */
    private void open(String model) throws IOException {
        catalog = Catalog.standard(model);
        store = new ParameterStoreImpl(data, catalog, ParameterStoreImpl.Options.defaults());
    }

    static List<String> models() {
        return Catalog.models().stream().map(CatalogModel::id).toList();
    }

    @Test
    void everyModelIsTried() {
        assertTrue(models().containsAll(List.of("8845", "7841", "6851")), models().toString());
    }

    @ParameterizedTest(name = "model {0}")
    @MethodSource("models")
    void everyParameterSurvivesExportFactoryResetAndImport(String model) throws Exception {
        open(model);
        assertEquals(Catalog.models().stream().filter(m -> m.id().equals(model)).findFirst().orElseThrow().product(),
                catalog.product());
        Map<String, String> values = nonDefaultValues();
        Map<String, Access> access = new LinkedHashMap<>();
        StringBuilder profile = new StringBuilder("<flat-profile>\n");
        for (ParameterDefinition d : catalog.definitions()) {
            Access ua = Access.values()[(d.access().ordinal() + 1) % Access.values().length];
            access.put(d.name(), ua);
            profile.append('<').append(d.name()).append(" ua=\"").append(ua.token()).append("\">")
                    .append(Xml.escape(values.get(d.name()))).append("</").append(d.name()).append(">\n");
        }
        ApplyResult set = TestStores.apply(store, profile.append("</flat-profile>\n").toString());
        assertEquals(List.of(), set.rejected());
        assertEquals(catalog.size(), set.changed().size());
        Map<String, String> configured = store.values();

        byte[] cfg = export();
        List<String> secretsSet = catalog.definitions().stream().filter(ParameterDefinition::secret)
                .map(ParameterDefinition::name).collect(Collectors.toList());

        // onto the same phone: nothing changes, secrets included (their mask is never applied)
        ApplyResult same = store.applyProfile(new ByteArrayInputStream(cfg), ChangeSource.PROFILE);
        assertEquals(List.of(), same.changed());
        assertEquals(List.of(), same.unknown());
        assertEquals(secretsSet, same.rejected().stream().map(Rejection::name).collect(Collectors.toList()));
        assertEquals(configured, store.values());

        // onto a factory-reset phone: every value and ua back, but a secret, which the file never held
        store.factoryReset();
        ApplyResult back = store.applyProfile(new ByteArrayInputStream(cfg), ChangeSource.PROFILE);
        assertEquals(List.of(), back.unknown());
        assertEquals(secretsSet.size(), back.rejected().size(), back.rejected().toString());
        for (ParameterDefinition d : catalog.definitions()) {
            assertEquals(access.get(d.name()), store.parameter(d.name()).orElseThrow().access(), d.name());
            String expected = d.secret() ? d.defaultValue() : configured.get(d.name());
            assertEquals(expected, store.get(d.name()), d.name());
        }
        // the secrets set again by hand: the export is the same, byte for byte
        for (String s : secretsSet) {
            store.set(s, configured.get(s), ChangeSource.ADMIN);
        }
        assertEquals(new String(cfg, StandardCharsets.UTF_8), new String(export(), StandardCharsets.UTF_8));
    }

    @Test
    void theFileIsLaidOutAsThePhonesCfgXml() throws Exception {
        open(null);
        store.set("Proxy_Host", "proxy.example.com", ChangeSource.ADMIN);
        store.set("Proxy_Password", "hunter2", ChangeSource.ADMIN);
        String cfg = new String(export(), StandardCharsets.UTF_8);
        List<String> lines = cfg.lines().collect(Collectors.toList());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", lines.get(0));
        assertEquals("<flat-profile>", lines.get(1));
        assertEquals("</flat-profile>", lines.get(lines.size() - 1));
        List<String> elements = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (String l : lines.subList(2, lines.size() - 1)) {
            if (l.startsWith("<!-- ")) {
                groups.add(l.substring(5, l.length() - 4));
            } else {
                elements.add(l.substring(1, l.indexOf(' ')));
            }
        }
        assertEquals(catalog.definitions().stream().map(ParameterDefinition::name).collect(Collectors.toList()), elements,
                "one element per parameter, in the catalog's order");
        List<String> starts = new ArrayList<>();
        String previous = null;
        for (ParameterDefinition d : catalog.definitions()) {
            if (!d.group().equals(previous)) {
                starts.add(d.group());
                previous = d.group();
            }
        }
        assertEquals(starts, groups, "a comment where each group starts");
        assertTrue(lines.contains("<!-- System/HTTP Proxy Settings -->"), cfg);
        assertTrue(lines.contains("<Proxy_Mode ua=\"rw\">Off</Proxy_Mode>"), cfg);
        assertTrue(lines.contains("<Proxy_Host ua=\"rw\">proxy.example.com</Proxy_Host>"), cfg);
        assertTrue(lines.contains("<Proxy_Username ua=\"rw\"/>"), "an empty value is an empty element");
        assertTrue(lines.contains("<Proxy_Password ua=\"rw\">" + ParameterStore.MASK + "</Proxy_Password>"), cfg);
        assertTrue(lines.contains("<Admin_Password ua=\"na\"/>"), "an empty secret stays empty");
        assertFalse(cfg.contains("hunter2"));
    }

    private byte[] export() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.exportProfile(out);
        return out.toByteArray();
    }

    /** A valid value other than the default for every parameter; a type without one fails here. */
    private Map<String, String> nonDefaultValues() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ParameterDefinition d : catalog.definitions()) {
            String chosen = null;
            for (String candidate : candidates(d)) {
                try {
                    String v = Values.normalize(d, candidate);
                    if (!v.equals(d.defaultValue())) {
                        chosen = v;
                        break;
                    }
                } catch (ParameterException e) {
                    // next candidate
                }
            }
            assertNotEquals(null, chosen, d.name() + ": no valid value other than the default");
            m.put(d.name(), chosen);
        }
        return m;
    }

    private static List<String> candidates(ParameterDefinition d) {
        return switch (d.type()) {
            case STRING, RULE -> List.of("v <&> \"q\" 'a' " + d.name());
            case BOOLEAN -> List.of("Yes", "No");
            case INTEGER -> List.of(Long.toString(d.min()), Long.toString(d.max()));
            case INTEGER_LIST -> List.of(d.min() + "," + d.max(), Long.toString(d.max()));
            case CHOICE -> d.choices();
            case DELAY_LIST -> List.of("30,60+30", "90");
            case TIME_OF_DAY -> List.of("0130", "01:30", "2359");
        };
    }
}
