package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterStore;

/**
 * The Voice &gt; Ext n and Voice &gt; User tabs: a profile holding those tabs as public MPP
 * provisioning templates write them (resource {@code template-88xx-ext-user.xml}, every extension
 * of the 8845) is applied whole, each name known and each value accepted; every extension has
 * its own SIP port, 5060 for Ext 1 up to 5069 for Ext 10, on each model as far as its
 * extensions go.
 */
class ExtensionAndUserTabsTest {

    @TempDir
    Path data;

    @Test
    void aTemplatesExtensionAndUserTabsApplyWhole() throws Exception {
        ParameterStoreImpl store = TestStores.open(data);
        ApplyResult r;
        try (InputStream in = getClass().getResourceAsStream("template-88xx-ext-user.xml")) {
            r = store.applyProfile(in, ChangeSource.PROFILE);
        }
        assertEquals(List.of(), r.unknown(), "every name of the Ext and User tabs is known");
        assertEquals(List.of(), r.rejected(), "every value of the templates is accepted");
        assertTrue(r.changed().size() + r.unchanged() > 880, r.changed().size() + " + " + r.unchanged());
        // the older phones' values the templates still write are taken as written
        assertEquals("private", store.get("Share_Ext_1_"));
        assertEquals("shared", store.get("Share_Ext_2_"));
        assertEquals("DNS SRV", store.get("SIP_Transport_3_"));
        assertEquals("0", store.get("EXT_SIP_Port_1_"));
        assertEquals("yes", store.get("Set_G729_annexb_10_"));
        assertEquals("1010", store.get("User_ID_10_"));
        assertEquals("s3cret-10", store.get("Password_10_"));
        assertEquals("24hr", store.get("Time_Format"));
        assertEquals("Yes", store.get("Log_Missed_Calls_for_EXT_10"));
        // Ext 1 listened on 5060 already; Ext 2 to 10 move from their own factory ports to 5060
        assertTrue(r.changed().contains("SIP_Port_2_") && !r.changed().contains("SIP_Port_1_"), r.changed().toString());
        // the ua a template gives is the one the parameter then has
        assertEquals("rw", store.parameter("Default_Ring_4_").orElseThrow().access().token());
        assertEquals("na", store.parameter("G729a_Enable_1_").orElseThrow().access().token());
        assertEquals(ParameterStore.MASK, store.parameter("Password_1_").orElseThrow().displayValue());
    }

    @Test
    void eachExtensionHasItsOwnSipPort() {
        for (String model : List.of("8845", "7841", "6851")) {
            Catalog c = Catalog.standard(model);
            for (int n = 1; n <= c.extensions(); n++) {
                ParameterDefinition d = c.require("SIP_Port_" + n + "_");
                assertEquals(Integer.toString(5059 + n), d.defaultValue(), model + " " + d.name());
                assertEquals("Ext " + n + "/SIP Settings", d.group(), d.name());
                assertEquals("SIP Port", c.label(d.name()));
                assertEquals(65535, d.max());
            }
            assertFalse(c.definition("SIP_Port_" + (c.extensions() + 1) + "_").isPresent(), model);
        }
        assertEquals("5069", Catalog.standard().require("SIP_Port_10_").defaultValue());
    }

    @Test
    void perExtensionRowsOfTheUserTabAndModelOnlyRows() {
        Catalog c8845 = Catalog.standard();
        Catalog c7841 = Catalog.standard("7841");
        assertEquals("User/Supplementary Services", c8845.require("Log_Missed_Calls_for_EXT_10").group());
        assertEquals("Log Missed Calls for EXT 10", c8845.label("Log_Missed_Calls_for_EXT_10"));
        assertTrue(c7841.definition("Log_Missed_Calls_for_EXT_4").isPresent());
        assertFalse(c7841.definition("Log_Missed_Calls_for_EXT_5").isPresent());
        assertTrue(c8845.definition("Bluetooth_Volume").isPresent(), "the 8845 has Bluetooth");
        assertFalse(c7841.definition("Bluetooth_Volume").isPresent(), "the 7841 has none");
        assertTrue(c8845.require("Auth_Page_Password_3_").secret());
        assertEquals("(*xx|[3469]11|0|00|[2-9]xxxxxx|1xxx[2-9]xxxxxxS0|xxxxxxxxxxxx.)",
                c8845.require("Dial_Plan_7_").defaultValue());
    }
}
