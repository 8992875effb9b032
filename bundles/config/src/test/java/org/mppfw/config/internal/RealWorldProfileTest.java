package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.Rejection;

/**
 * Real-world profiles, not written from our catalog (the resources under {@code realworld/}, their
 * sources in its README): public provisioning templates of MPP phones with their placeholders
 * filled, and one large cfg.xml written from those templates and Cisco's guides' cfg.xml examples.
 * Applied to a factory-new phone of the template's model (the large profile: an 8845), each has at
 * least 98 % of its element names known (to the model, or to another model of the series: such a
 * name is ignored, and reported apart from the unknown ones) and no value of a known name refused;
 * the large one has every name known and its export, imported into another phone, exports the
 * same document. A failure lists the unknown names under the template's section
 * comment, the place where the catalog has to learn them.
 */
class RealWorldProfileTest {

    /** The model the profiles are applied to. */
    static final String MODEL = "8845";

    /** The large profile written from every source. */
    static final String FULL = "mpp-8845-full-cfg.xml";

    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {"fusionpbx-8811.xml", "fusionpbx-8841.xml", "fusionpbx-8845.xml", "fusionpbx-8851.xml",
        "fusionpbx-8861.xml", "fusionpbx-8865.xml", FULL})
    void atLeast98PercentKnownAndEveryValueAccepted(String file) throws Exception {
        byte[] xml = resource(file);
        String model = file.startsWith("fusionpbx-") ? file.substring(10, 14) : MODEL;
        ParameterStoreImpl store = fresh("a", model);
        FlatProfile parsed = FlatProfileParser.parse(new ByteArrayInputStream(xml));
        ApplyResult r = store.applyProfile(new ByteArrayInputStream(xml), ChangeSource.PROFILE);
        int names = parsed.entries().size();
        int unknown = r.unknown().size();
        String unknownBySection = bySection(xml, r.unknown());
        System.out.printf("%s: %d elements, %d unknown, %d of other models on the %s catalog%n%s", file, names, unknown,
                r.otherModels().size(), model, unknownBySection);

        List<String> refused = refused(parsed, r);
        assertAll(file,
                () -> assertEquals(List.of(), refused, file + ": values of known names refused"),
                () -> assertTrue(unknown * 100 <= names * 2, file + ": " + unknown + " of " + names
                        + " names unknown (more than 2 %), by section:\n" + unknownBySection));
    }

    @Test
    void theFullProfileIsKnownWholeAndSurvivesExportAndImport() throws Exception {
        byte[] xml = resource(FULL);
        FlatProfile parsed = FlatProfileParser.parse(new ByteArrayInputStream(xml));
        ParameterStoreImpl first = fresh("first");
        ApplyResult r = first.applyProfile(new ByteArrayInputStream(xml), ChangeSource.PROFILE);
        assertAll(FULL,
                () -> assertTrue(parsed.entries().size() >= 1500, "the full profile has " + parsed.entries().size()
                        + " elements"),
                () -> assertTrue(r.unknown().isEmpty(), FULL + ": " + r.unknown().size()
                        + " names unknown, by section:\n" + bySection(xml, r.unknown())),
                () -> assertEquals(List.of(), refused(parsed, r), FULL + ": values of known names refused"));
        for (FlatProfile.Entry e : parsed.entries()) {
            ParameterDefinition d = first.definition(e.name()).orElseThrow();
            assertEquals(Values.normalize(d, e.value()), first.get(e.name()), e.name() + " as the file sets it");
            if (e.ua() != null) {
                assertEquals(e.ua(), first.parameter(e.name()).orElseThrow().access().token(), e.name() + "'s ua");
            }
        }
        byte[] exported = export(first);

        // imported into a factory-new phone: everything is applied but the secrets, which the file masks
        ParameterStoreImpl second = fresh("second");
        ApplyResult back = second.applyProfile(new ByteArrayInputStream(exported), ChangeSource.PROFILE);
        assertEquals(List.of(), back.unknown());
        List<String> secretsSet = first.catalog().stream()
                .filter(d -> d.secret() && !first.get(d.name()).isEmpty()).map(ParameterDefinition::name)
                .collect(Collectors.toList());
        assertEquals(secretsSet, back.rejected().stream().map(Rejection::name).collect(Collectors.toList()),
                "only the masked secrets are not applied");
        for (String s : secretsSet) {
            second.set(s, first.get(s), ChangeSource.ADMIN);
        }
        assertEquals(new String(exported, StandardCharsets.UTF_8), new String(export(second), StandardCharsets.UTF_8));
    }

    private ParameterStoreImpl fresh(String name) throws IOException {
        return fresh(name, MODEL);
    }

    private ParameterStoreImpl fresh(String name, String model) throws IOException {
        return new ParameterStoreImpl(Files.createDirectories(data.resolve(name)), Catalog.standard(model),
                ParameterStoreImpl.Options.defaults());
    }

    @Test
    void namesOfOtherModelsAreIgnoredAndToldApart() throws Exception {
        // the 8845 template of a provisioning project carries the Wi-Fi profiles of the models with Wi-Fi
        byte[] xml = resource("fusionpbx-8845.xml");
        ApplyResult r = fresh("b").applyProfile(new ByteArrayInputStream(xml), ChangeSource.PROFILE);
        assertTrue(r.otherModels().contains("ssid_1_"), r.otherModels().toString());
        assertFalse(r.unknown().contains("ssid_1_"));
        assertFalse(fresh("c").definition("ssid_1_").isPresent(), "not applied on an 8845");
        assertTrue(r.summary().endsWith(r.otherModels().size() + " of other models"), r.summary());
        assertEquals(List.of("CP-8861-3PCC", "CP-8865-3PCC"), Catalog.standard(MODEL).otherModels("ssid_1_"));
        assertEquals(List.of(), Catalog.standard(MODEL).otherModels("Not_A_Parameter"));
    }

    /**
     * Each refused value of a known name with its reason, the value quoted unless it is a secret's.
     * A secret's mask ({@code *****}, as the phone's own cfg.xml prints a set secret, and as a
     * template copied from one keeps it) is left out: by design it never replaces the value.
     */
    private static List<String> refused(FlatProfile parsed, ApplyResult r) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FlatProfile.Entry e : parsed.entries()) {
            values.put(e.name(), e.value());
        }
        List<String> out = new ArrayList<>();
        for (Rejection x : r.rejected()) {
            if (x.reason().equals("masked value not applied")) {
                continue;
            }
            out.add(x.name() + "='" + values.get(x.name()) + "' (line " + x.line() + "): " + x.reason());
        }
        return out;
    }

    /**
     * The names, one a line, under the comment that precedes them in the file ({@code <!-- SIP Settings -->}),
     * in file order; a name met again under another comment is listed once, under the first.
     */
    static String bySection(byte[] xml, List<String> names) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> wanted = new ArrayList<>(names);
        String section = "(before any section comment)";
        for (String line : new String(xml, StandardCharsets.UTF_8).split("\n")) {
            String l = line.trim();
            if (l.startsWith("<!--") && l.endsWith("-->") && !l.startsWith("<!-- <")) {
                section = l.substring(4, l.length() - 3).trim();
            } else if (l.startsWith("<") && !l.startsWith("<!") && !l.startsWith("<?")) {
                int end = 1;
                while (end < l.length() && " />".indexOf(l.charAt(end)) < 0) {
                    end++;
                }
                String name = l.substring(1, end);
                if (wanted.remove(name)) {
                    sections.computeIfAbsent(section, k -> new ArrayList<>()).add(name);
                }
            }
        }
        StringBuilder b = new StringBuilder();
        sections.forEach((s, list) -> b.append("  [").append(s).append("] ").append(list.size()).append('\n')
                .append(list.stream().map(n -> "    " + n + "\n").collect(Collectors.joining())));
        for (String n : wanted) {
            b.append("  [?] ").append(n).append('\n');
        }
        return b.toString();
    }

    private static byte[] export(ParameterStoreImpl store) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.exportProfile(out);
        return out.toByteArray();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = RealWorldProfileTest.class.getResourceAsStream("realworld/" + name)) {
            if (in == null) {
                throw new IOException("realworld/" + name + " missing");
            }
            return in.readAllBytes();
        }
    }
}
