package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Hashtable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;

/** The parameters as Felix HTTP's configuration. */
class WebSettingsTest {

    @TempDir
    Path data;

    @Test
    void factoryDefaultsKeepTheServerClosedUntilHttpsHasAKey() throws Exception {
        ParameterStoreImpl store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        WebSettings s = WebSettings.read(store);
        assertTrue(s.https());
        assertEquals(443, s.port());
        assertTrue(s.closedBecause().orElseThrow().contains("Enable_Protocol is Https"));
        assertTrue(s.felixConfig(8000).isEmpty(), "no configuration: Jetty does not run");

        store.set("Enable_Protocol", "Http", ChangeSource.ADMIN);
        s = WebSettings.read(store);
        assertTrue(s.closedBecause().isEmpty());
        Hashtable<String, Object> c = s.felixConfig(8000).orElseThrow();
        assertEquals(true, c.get("org.apache.felix.http.enable"));
        assertEquals(false, c.get("org.apache.felix.https.enable"));
        assertEquals(8443, c.get("org.osgi.service.http.port"), "a privileged port gets the offset");
        assertEquals(443, s.felixConfig(0).orElseThrow().get("org.osgi.service.http.port"));

        store.set("Web_Server_Port", "18080", ChangeSource.ADMIN);
        assertEquals(18080, WebSettings.read(store).felixConfig(8000).orElseThrow().get("org.osgi.service.http.port"));
        store.set("Enable_Web_Server", "No", ChangeSource.ADMIN);
        assertTrue(WebSettings.read(store).felixConfig(8000).isEmpty());
    }

    @Test
    void anOffsetNeverLeavesThePortRange() {
        assertEquals(1000, new WebSettings(true, false, 1000, true).effectivePort(65000));
        assertEquals(8080, new WebSettings(true, false, 80, true).effectivePort(8000));
    }
}
