package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real image booted as another model than the default 8845: the parameters are the model's
 * (a 7841's four extensions, a 6851's key expansion module), chosen by {@code --model} at the
 * first boot and kept after it; a model the catalog does not declare boots with the 8845's.
 */
class ModelsIT {

    static final Path IMAGE = UpgradeIT.IMAGE;
    static final String OPTS = UpgradeIT.OPTS;

    @TempDir
    Path scratch;

    @Test
    void a7841HasItsFourExtensionsAndKeepsThemAfterTheFirstBoot() throws Exception {
        Path data = scratch.resolve("data");
        try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("1.log"), OPTS,
                "--model", "CP-7841-3PCC")) {
            phone.awaitSettled(data);
            phone.awaitIdle();
            assertTrue(phone.run("sys:info").contains("Model:          CP-7841-3PCC"), phone.log());
            for (int n = 1; n <= 4; n++) {
                assertEquals("Yes", get(phone, "Line_Enable_" + n + "_"));
                assertEquals("", get(phone, "User_ID_" + n + "_"));
            }
            assertTrue(get(phone, "Line_Enable_5_").contains("unknown parameter 'Line_Enable_5_'"));
            assertTrue(get(phone, "Unit_1_Key_1_").contains("unknown parameter"));
            assertTrue(phone.run("param:set User_ID_4_ 1004").startsWith("User_ID_4_=1004"));
            String export = phone.run("param:export");
            assertTrue(export.contains("<User_ID_4_ ua=\"na\">1004</User_ID_4_>"), export);
            assertFalse(export.contains("<Line_Enable_5_"), export);
            assertEquals(List.of("Line_Enable_1_", "Line_Enable_2_", "Line_Enable_3_", "Line_Enable_4_"),
                    phone.run("param:list 'Line_Enable_*'").lines().skip(1).map(l -> l.split(" ")[0]).toList());
            assertTrue(phone.log().contains("parameters of the CP-7841-3PCC"), phone.log());
        }
        // a later boot with another --model keeps the identity of the first, and so its parameters
        String out = PhoneProcess.batch(IMAGE, data, OPTS, "param:get User_ID_4_; param:list 'Line_Enable_*'",
                "--model", "CP-8845-3PCC");
        assertTrue(out.startsWith("1004\n"), out);
        assertTrue(out.contains("Line_Enable_4_") && !out.contains("Line_Enable_5_"), out);
    }

    @Test
    void a6851HasTheKeysOfItsKeyExpansionModule() throws Exception {
        String out = PhoneProcess.batch(IMAGE, scratch.resolve("data"), OPTS,
                "param:set Unit_1_Key_28_ 1001; param:get Unit_1_Key_28_; param:get Number_of_Units",
                "--model", "CP-6851-3PCC");
        assertTrue(out.contains("\n1001\n0\n"), out);
    }

    @Test
    void aModelTheCatalogDoesNotDeclareBootsWithThe8845sParameters() throws Exception {
        String out = PhoneProcess.batch(IMAGE, scratch.resolve("data"), OPTS, "param:get Line_Enable_10_",
                "--model", "CP-9999-3PCC");
        assertTrue(out.endsWith("Yes\n"), out);
        assertEquals(1, out.lines().filter(l -> l.contains("[WARN]") && l.contains("Model CP-9999-3PCC is not in the "
                + "parameter catalog: using the parameters of the CP-8845-3PCC")).count(), out);
    }

    private static String get(PhoneProcess phone, String name) throws Exception {
        return phone.run("param:get " + name).strip();
    }
}
