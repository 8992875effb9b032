package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.device.ServerKeyStore;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;

/** The parameters as Felix HTTP's configuration. */
class WebSettingsTest {

    @TempDir
    Path data;

    @Test
    void factoryDefaultsServeHttpsWithTheKeyStoreAndKeepTheServerClosedWithoutOne() throws Exception {
        ParameterStoreImpl store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        WebSettings s = WebSettings.read(store);
        assertTrue(s.https());
        assertEquals(443, s.port());
        assertTrue(s.closedBecause(Optional.empty()).orElseThrow().contains("Enable_Protocol is Https"));
        assertTrue(s.felixConfig(8000, Optional.empty()).isEmpty(), "no configuration: Jetty does not run");
        ServerKeyStore tls = new ServerKeyStore(data.resolve("server.p12"), "k3y-pw".toCharArray(), true, "ab");
        Hashtable<String, Object> https = s.felixConfig(8000, Optional.of(tls)).orElseThrow();
        assertEquals(false, https.get("org.apache.felix.http.enable"));
        assertEquals(true, https.get("org.apache.felix.https.enable"));
        assertEquals(8443, https.get("org.osgi.service.http.port.secure"));
        assertEquals(data.resolve("server.p12").toAbsolutePath().toString(), https.get("org.apache.felix.https.keystore"));
        assertEquals("k3y-pw", https.get("org.apache.felix.https.keystore.password"));
        assertEquals("k3y-pw", https.get("org.apache.felix.https.keystore.key.password"));
        assertFalse(tls.toString().contains("k3y-pw"));

        store.set("Enable_Protocol", "Http", ChangeSource.ADMIN);
        s = WebSettings.read(store);
        assertTrue(s.closedBecause(Optional.empty()).isEmpty());
        Hashtable<String, Object> c = s.felixConfig(8000, Optional.of(tls)).orElseThrow();
        assertEquals(true, c.get("org.apache.felix.http.enable"));
        assertEquals(false, c.get("org.apache.felix.https.enable"));
        assertEquals(8443, c.get("org.osgi.service.http.port"), "a privileged port gets the offset");
        assertFalse(c.containsKey("org.apache.felix.https.keystore.password"), "HTTP carries no key store");
        assertEquals(443, s.felixConfig(0, Optional.empty()).orElseThrow().get("org.osgi.service.http.port"));

        store.set("Web_Server_Port", "18080", ChangeSource.ADMIN);
        assertEquals(18080, WebSettings.read(store).felixConfig(8000, Optional.empty()).orElseThrow().get("org.osgi.service.http.port"));
        store.set("Enable_Web_Server", "No", ChangeSource.ADMIN);
        assertTrue(WebSettings.read(store).felixConfig(8000, Optional.of(tls)).isEmpty());
    }

    @Test
    void anOffsetNeverLeavesThePortRange() {
        assertEquals(1000, new WebSettings(true, false, 1000, true).effectivePort(65000));
        assertEquals(8080, new WebSettings(true, false, 80, true).effectivePort(8000));
    }
}
