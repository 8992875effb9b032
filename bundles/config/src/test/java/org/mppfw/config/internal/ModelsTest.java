package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mppfw.api.config.ParameterDefinition;

/**
 * The models the catalog declares, each with the guides' counts of extensions, line keys and
 * key-expansion-module units and keys, and the rows only some models have (Wi-Fi on the 8861 and
 * 8865, the attendant console units on the models that take a key expansion module).
 */
class ModelsTest {

    /** Extensions, line keys, key expansion module units and keys per unit, as the file header quotes the guides. */
    private record Counts(int extensions, int lineKeys, int kemUnits, int kemKeys) {
    }

    private static final Map<String, Counts> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("8845", new Counts(10, 5, 0, 0));
        MODELS.put("7841", new Counts(4, 4, 0, 0));
        MODELS.put("6851", new Counts(4, 4, 1, 28));
        MODELS.put("8811", new Counts(10, 5, 0, 0));
        MODELS.put("8841", new Counts(10, 5, 0, 0));
        MODELS.put("8851", new Counts(10, 5, 2, 28));
        MODELS.put("8861", new Counts(10, 5, 3, 28));
        MODELS.put("8865", new Counts(10, 5, 3, 28));
    }

    /** The Wi-Fi elements of the public FusionPBX 8861 and 8865 templates (section "Wi-Fi"). */
    private static final List<String> TEMPLATE_WIFI = List.of("profileName_1_", "ssid_1_", "securityMode_1_",
            "cipherType_1_", "wepKeyId_1_", "wepKeyLen_1_", "wepKey_1_", "passphrase_1_", "frequencyMode_1_", "eapType_1_",
            "serverCert_1_", "clientCert_1_", "ttlsAuthProto_1_", "profileName_2_", "ssid_2_", "securityMode_2_",
            "cipherType_2_", "wepKeyId_2_", "wepKeyLen_2_", "wepKey0_2_", "wepKey1_2_", "wepKey2_2_", "wepKey3_2_",
            "pskKey_2_", "eapType_2_", "identity_2_", "password_2_", "anonymousIdentity_2_", "serverCert_2_",
            "clientCert_2_", "ttlsAuthProto_2_", "profileLock_2_", "profileEnable_2_", "profileName_3_", "ssid_3_",
            "securityMode_3_", "cipherType_3_", "wepKeyId_3_", "wepKeyLen_3_", "wepKey0_3_", "wepKey1_3_", "wepKey2_3_",
            "wepKey3_3_", "pskKey_3_", "eapType_3_", "identity_3_", "password_3_", "anonymousIdentity_3_",
            "serverCert_3_", "clientCert_3_", "ttlsAuthProto_3_", "profileLock_3_", "profileEnable_3_");

    @Test
    void everyDeclaredModelBuildsWithTheGuidesCounts() throws IOException {
        assertEquals(List.copyOf(MODELS.keySet()), declaredModels());
        assertEquals("CP-8845-3PCC", Catalog.standard().product(), "the 8845 stays the default");
        MODELS.forEach((id, counts) -> {
            Catalog c = Catalog.standard(id);
            assertEquals("CP-" + id + "-3PCC", c.product());
            assertEquals(counts.extensions(), c.extensions(), id + " extensions");
            assertEquals(counts.lineKeys(), c.lineKeys(), id + " line keys");
            assertTrue(c.definition("User_ID_" + counts.extensions() + "_").isPresent(), id);
            assertFalse(c.definition("User_ID_" + (counts.extensions() + 1) + "_").isPresent(), id);
            assertTrue(c.definition("Extension_" + counts.lineKeys() + "_").isPresent(), id);
            assertFalse(c.definition("Extension_" + (counts.lineKeys() + 1) + "_").isPresent(), id);
            for (int u = 1; u <= counts.kemUnits(); u++) {
                assertEquals("Att Console/Unit " + u, c.require("Unit_" + u + "_Key_" + counts.kemKeys() + "_").group());
                assertFalse(c.definition("Unit_" + u + "_Key_" + (counts.kemKeys() + 1) + "_").isPresent(), id);
            }
            assertFalse(c.definition("Unit_" + (counts.kemUnits() + 1) + "_Key_1_").isPresent(), id);
            boolean kem = counts.kemUnits() > 0;
            assertEquals(kem, c.definition("Number_of_Units").isPresent(), id + " Number of Units");
            assertEquals(kem, c.definition("Attendant_Console_LCD_Brightness").isPresent(), id + " LCD brightness");
        });
    }

    @Test
    void theWifiModelsKnowTheWifiProfilesAndTheOthersDoNot() {
        List<String> guide = List.of("Phone-wifi-on", "Network_Name_1_", "Security_Mode_4_", "Wi-Fi_User_ID_2_",
                "Wi-Fi_Password_3_", "Frequency_Band_4_");
        for (String id : MODELS.keySet()) {
            Catalog c = Catalog.standard(id);
            boolean wifi = id.equals("8861") || id.equals("8865");
            for (String name : guide) {
                assertEquals(wifi, c.definition(name).isPresent(), id + " " + name);
            }
            for (String name : TEMPLATE_WIFI) {
                assertEquals(wifi, c.definition(name).isPresent(), id + " " + name);
            }
        }
        Catalog c8861 = Catalog.standard("8861");
        assertEquals("Yes", c8861.require("Phone-wifi-on").defaultValue());
        assertEquals("PSK", c8861.require("Security_Mode_1_").defaultValue());
        assertEquals(List.of("Auto", "2.4 GHz", "5 GHz"), c8861.require("Frequency_Band_2_").choices());
        assertEquals("System/Wi-Fi Profile 4", c8861.require("Network_Name_4_").group());
        assertEquals("Wi-Fi Password", c8861.label("Wi-Fi_Password_4_"));
        assertFalse(c8861.definition("Network_Name_5_").isPresent(), "four profiles");
        for (String secret : List.of("Wi-Fi_Password_1_", "pskKey_2_", "password_3_", "wepKey_1_", "passphrase_1_",
                "wepKey3_3_")) {
            assertTrue(c8861.require(secret).secret(), secret);
        }
        assertFalse(c8861.require("ssid_1_").secret());
        assertFalse(c8861.require("Wi-Fi_User_ID_1_").secret());
    }

    @Test
    void theWifiRowsCloseTheSystemTabInOneBlock() {
        List<ParameterDefinition> defs = Catalog.standard("8865").definitions();
        int first = -1;
        int last = -1;
        for (int i = 0; i < defs.size(); i++) {
            if (defs.get(i).group().startsWith("System/Wi-Fi")) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        assertEquals(1 + 4 * 5 + 23 + 20 + 20, last - first + 1, "one block of Wi-Fi rows");
        assertEquals("Phone-wifi-on", defs.get(first).name());
        assertTrue(defs.get(last + 1).group().startsWith("SIP"), defs.get(last + 1).name() + " follows the Wi-Fi rows");
    }

    @Test
    void bluetoothOnTheModelsThatHaveIt() {
        for (String id : MODELS.keySet()) {
            boolean bluetooth = List.of("8845", "8851", "8861", "8865").contains(id);
            assertEquals(bluetooth, Catalog.standard(id).definition("Bluetooth_Mode").isPresent(), id);
        }
    }

    /** The ids of the file's {@code @model} lines, in the file's order. */
    static List<String> declaredModels() throws IOException {
        List<String> ids = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Catalog.class.getResourceAsStream(Catalog.RESOURCE), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("@model\t")) {
                    ids.add(line.split("\t")[1]);
                }
            }
        }
        return ids;
    }
}
