package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;

/**
 * The Voice > Phone and Voice > Att Console tabs: one Line Key section per line key of the model, each key on its own
 * extension by default, and the Phone and Att Console sections of public provisioning templates (the resource
 * {@code template-phone-tab-cfg.xml}) applied with every name known and every value accepted.
 */
class PhoneTabTest {

    @TempDir
    Path data;

    @Test
    void eachLineKeyIsItsOwnExtensionByDefaultOnEveryModel() {
        Catalog c8845 = Catalog.standard();
        for (int n = 1; n <= 5; n++) {
            String ext = "Extension_" + n + "_";
            assertEquals(Integer.toString(n), c8845.require(ext).defaultValue(), ext);
            assertEquals("Phone/Line Key " + n, c8845.require(ext).group());
            assertEquals("Extension", c8845.label(ext));
            assertEquals("$USER", c8845.require("Short_Name_" + n + "_").defaultValue());
            assertEquals("private", c8845.require("Share_Call_Appearance_" + n + "_").defaultValue());
            assertEquals("", c8845.require("Extended_Function_" + n + "_").defaultValue());
        }
        assertFalse(c8845.definition("Extension_6_").isPresent(), "the 8845 has five line keys");
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "Disabled"),
                c8845.require("Extension_1_").choices());
        Catalog c7841 = Catalog.standard("7841");
        assertEquals(List.of("1", "2", "3", "4", "Disabled"), c7841.require("Extension_4_").choices());
        assertFalse(c7841.definition("Extension_5_").isPresent());
        assertTrue(c8845.definition("Bluetooth_Mode").isPresent());
        assertFalse(c7841.definition("Bluetooth_Mode").isPresent(), "no Bluetooth on the 7841");
        assertTrue(c7841.definition("BMP_Picture_Download_URL").isPresent());
        assertFalse(c8845.definition("BMP_Picture_Download_URL").isPresent());
    }

    @Test
    void theTemplatesPhoneAndAttConsoleSectionsApply() throws Exception {
        ParameterStoreImpl store = TestStores.open(data);
        FlatProfile parsed;
        try (InputStream in = resource()) {
            parsed = FlatProfileParser.parse(in);
        }
        ApplyResult r;
        try (InputStream in = resource()) {
            r = store.applyProfile(in, ChangeSource.PROFILE);
        }
        assertEquals(List.of(), r.rejected(), "every value of the templates is accepted");
        assertEquals(List.of(), r.unknown(), "every name of the templates is known");
        List<String> names = new ArrayList<>();
        for (FlatProfile.Entry e : parsed.entries()) {
            names.add(e.name());
            if (e.ua() != null) {
                assertEquals(e.ua(), store.parameter(e.name()).orElseThrow().access().token(), e.name());
            }
        }
        assertTrue(names.size() > 120, "the sections are whole: " + names.size());
        assertEquals("Disabled", store.get("Extension_2_"));
        assertEquals("shared", store.get("Share_Call_Appearance_1_"));
        assertEquals("fnc=blf+sd+cp;sub=102@pbx.example.com;nme=Kitchen", store.get("Extended_Function_2_"));
        assertEquals("Asterisk", store.get("Server_Type"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.exportProfile(out);
        String cfg = out.toString(StandardCharsets.UTF_8);
        // the phone's order: General, Handsfree, the Line Key sections, Miscellaneous Line Key Settings, then the others
        int general = cfg.indexOf("<Station_Name ");
        int handsfree = cfg.indexOf("<Bluetooth_Mode ");
        int key1 = cfg.indexOf("<Extension_1_ ");
        int key2 = cfg.indexOf("<Extended_Function_2_ ");
        int misc = cfg.indexOf("<Line_ID_Mapping ");
        int supplementary = cfg.indexOf("<Conference_Serv ");
        int softkeys = cfg.indexOf("<PSK_16 ");
        int attConsole = cfg.indexOf("<Subscribe_Expires ");
        assertTrue(general >= 0 && general < handsfree && handsfree < key1 && key1 < key2 && key2 < misc
                && misc < supplementary && supplementary < softkeys && softkeys < attConsole, cfg);
        assertTrue(cfg.contains("<Extension_2_ ua=\"na\">Disabled</Extension_2_>"), cfg);
    }

    private static InputStream resource() throws IOException {
        InputStream in = PhoneTabTest.class.getResourceAsStream("template-phone-tab-cfg.xml");
        if (in == null) {
            throw new IOException("template-phone-tab-cfg.xml missing");
        }
        return in;
    }
}
