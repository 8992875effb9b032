package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterStore;

/** A chosen set of parameters in cfg.xml form (a report's delta): catalog order, ua, secrets masked. */
class ExportSubsetTest {

    @Test
    void onlyTheChosenParametersInCatalogOrder(@TempDir Path dir) throws Exception {
        ParameterStoreImpl store = TestStores.open(dir);
        store.set("GPP_SA", "hunter2", ChangeSource.ADMIN);
        store.set("GPP_B", "b", ChangeSource.ADMIN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.exportProfile(out, Set.of("GPP_SA", "GPP_B", "GPP_C")::contains);
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <flat-profile>
                <!-- Provisioning/General Purpose Parameters -->
                <GPP_B ua="na">b</GPP_B>
                <GPP_C ua="na"/>
                <GPP_SA ua="na">%s</GPP_SA>
                </flat-profile>
                """.formatted(ParameterStore.MASK), out.toString(StandardCharsets.UTF_8));
        out.reset();
        store.exportProfile(out, name -> false);
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<flat-profile>\n</flat-profile>\n",
                out.toString(StandardCharsets.UTF_8));
    }
}
