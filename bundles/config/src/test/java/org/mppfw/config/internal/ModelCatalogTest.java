package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterException;
import org.mppfw.api.device.DeviceProperties;

/** The store takes the catalog of the device identity's model, as the phone's first boot chose it. */
class ModelCatalogTest {

    @TempDir
    Path data;

    private ParameterStoreImpl storeOf(String model) throws Exception {
        DeviceIdentityImpl identity = new DeviceIdentityImpl(data, Map.of(DeviceProperties.MODEL, model)::get);
        return new ParameterStoreImpl(data, ParameterStoreComponent.catalogOf(identity),
                ParameterStoreImpl.Options.defaults());
    }

    @Test
    void a7841HasFourExtensions() throws Exception {
        ParameterStoreImpl store = storeOf("CP-7841-3PCC");
        assertEquals("Yes", store.get("Line_Enable_4_"));
        assertTrue(store.definition("Line_Enable_4_").isPresent());
        assertFalse(store.definition("Line_Enable_5_").isPresent());
        assertThrows(ParameterException.class, () -> store.set("Line_Enable_5_", "No", ChangeSource.ADMIN));
        assertFalse(store.definition("Unit_1_Key_1_").isPresent());
    }

    @Test
    void a6851HasTheKeysOfOneKeyExpansionModule() throws Exception {
        ParameterStoreImpl store = storeOf("CP-6851-3PCC");
        store.set("Unit_1_Key_28_", "fnc=sd;ext=1001", ChangeSource.ADMIN);
        assertEquals("fnc=sd;ext=1001", store.get("Unit_1_Key_28_"));
        assertTrue(store.definition("Number_of_Units").isPresent());
        assertFalse(store.definition("Unit_1_Key_29_").isPresent());
    }

    @Test
    void theDefaultModelAndAnUnknownOneBootWithThe8845sCatalog() throws Exception {
        assertTrue(storeOf("CP-8845-3PCC").definition("Line_Enable_10_").isPresent());
        assertEquals("CP-8845-3PCC", Catalog.forProduct("CP-9999-3PCC").product());
        assertEquals(Catalog.standard().size(), Catalog.forProduct("CP-9999-3PCC").size());
        assertEquals("CP-8845-3PCC", Catalog.forProduct(null).product());
        assertEquals("CP-7841-3PCC", Catalog.forProduct("cp-7841-3pcc").product(), "the product name's case is ignored");
    }
}
