package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterDefinition;

/**
 * The Voice &gt; SIP and Voice &gt; Regional tabs as a provider's profile sets them (the resource
 * {@code provider-sip-regional-cfg.xml}, written from public MPP provisioning templates, not from the catalog): every
 * name is known, every value taken as written with its {@code ua}, the catalog lists them in the phone's own order,
 * and the export groups them under the phone's section names, in the phone's order.
 */
class ProviderSipRegionalProfileTest {

    @TempDir
    Path data;

    @Test
    void everyElementIsKnownAndTakenAsWritten() throws Exception {
        ParameterStoreImpl store = TestStores.open(data);
        FlatProfile parsed;
        try (InputStream in = resource()) {
            parsed = FlatProfileParser.parse(in);
        }
        ApplyResult r;
        try (InputStream in = resource()) {
            r = store.applyProfile(in, ChangeSource.PROFILE);
        }
        assertEquals(List.of(), r.rejected());
        assertEquals(List.of(), r.unknown());
        assertTrue(parsed.entries().size() > 170, "the two tabs whole: " + parsed.entries().size());
        for (FlatProfile.Entry e : parsed.entries()) {
            assertEquals(e.value(), store.get(e.name()), e.name());
            assertEquals(e.ua(), store.parameter(e.name()).orElseThrow().access().token(), e.name());
        }
        // values a real phone takes that are not integers: seconds with a fraction, #-codes
        assertEquals(".5", store.get("SIP_T1"));
        assertEquals("0.030", store.get("RTP_Packet_Size"));
        assertEquals("#68", store.get("Call_Park_Code"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.exportProfile(out);
        String cfg = out.toString(StandardCharsets.UTF_8);
        assertTrue(cfg.contains("<!-- SIP/SIP Timer Values (sec) -->\n<SIP_T1 ua=\"na\">.5</SIP_T1>\n"), cfg);
        assertTrue(cfg.contains("<G722.2_Dynamic_Payload ua=\"na\">96</G722.2_Dynamic_Payload>\n"), cfg);
        assertTrue(cfg.contains("<Dial_Tone ua=\"na\">350@-19,440@-19;10(*/0/1+2)</Dial_Tone>\n"), cfg);
    }

    @Test
    void theCatalogListsThemInThePhonesOrder() throws Exception {
        List<String> file = new ArrayList<>();
        try (InputStream in = resource()) {
            FlatProfileParser.parse(in).entries().forEach(e -> file.add(e.name()));
        }
        Set<String> inFile = Set.copyOf(file);
        for (String model : List.of("8845", "7841", "6851")) {
            List<String> catalogOrder = Catalog.standard(model).definitions().stream().map(ParameterDefinition::name)
                    .filter(inFile::contains).collect(Collectors.toList());
            assertEquals(file, catalogOrder, model);
        }
    }

    @Test
    void sectionsInThePhonesOrder() {
        Set<String> groups = new LinkedHashSet<>();
        for (ParameterDefinition d : Catalog.standard().definitions()) {
            if (d.group().startsWith("SIP/") || d.group().startsWith("Regional/")) {
                groups.add(d.group());
            }
        }
        assertEquals(List.of("SIP/SIP Parameters", "SIP/SIP Timer Values (sec)", "SIP/Response Status Code Handling",
                "SIP/RTP Parameters", "SIP/SDP Payload Types", "SIP/NAT Support Parameters", "SIP/Peripheral",
                "Regional/Call Progress Tones", "Regional/Distinctive Ring Patterns",
                "Regional/Control Timer Values (sec)", "Regional/Vertical Service Activation Codes",
                "Regional/Vertical Service Announcement Codes", "Regional/Outbound Call Codec Selection Codes",
                "Regional/Time", "Regional/Language"), List.copyOf(groups));
        Catalog c = Catalog.standard();
        assertEquals("SIP T1", c.label("SIP_T1"));
        assertEquals("Set Local Date (mm/dd/yyyy)", c.label("Set_Local_Date__mm_dd_yyyy_"));
        // the Mute and Unmute tones: the 7800 guide's, not an 8800 phone's
        assertTrue(Catalog.standard("7841").definition("Mute_Tone").isPresent());
        assertTrue(c.definition("Mute_Tone").isEmpty());
    }

    private static InputStream resource() throws IOException {
        InputStream in = ProviderSipRegionalProfileTest.class.getResourceAsStream("provider-sip-regional-cfg.xml");
        if (in == null) {
            throw new IOException("provider-sip-regional-cfg.xml missing");
        }
        return in;
    }
}
