package org.mppfw.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.discovery.ProvisioningSource;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;
import org.mppfw.testing.FakeIdentity;
import org.mppfw.testing.VirtualClock;

/** The engine around the client: static mode, DHCP_Option_To_Use read live, retry back-off on the clock. */
class DiscoveryEngineTest {

    @TempDir
    Path data;

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-06-01T08:00:00Z"), ZoneId.of("UTC"));

    private static final DeviceIdentity ID = FakeIdentity.cp8845("000e08012345", "FCH2345ABCD", "1");

    /** An engine on the virtual clock whose work runs on the caller's thread, started. */
    private DiscoveryEngine started(ParameterStoreImpl store, Settings settings) {
        DiscoveryEngine d = new DiscoveryEngine(clock, store, ID, settings, Runnable::run);
        d.start();
        return d;
    }

    private static Settings settings(Settings.Mode mode, String iface, String statics) {
        return new Settings(mode, iface, "", Settings.staticOptions(statics), List.of(), SrvResolver.WeightOrder.LOWER_FIRST,
                false, Duration.ofMillis(100), 1, Duration.ofSeconds(60));
    }

    @Test
    void staticOptionsFollowTheLiveOptionOrder() throws IOException {
        ParameterStoreImpl store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        DiscoveryEngine d = started(store,
                settings(Settings.Mode.STATIC, "", "66=10.0.0.1;160=http://p.example.test/$PSN.xml;15=example.test"));
        assertEquals(List.of(new ProvisioningSource(66, "10.0.0.1"), new ProvisioningSource(160, "http://p.example.test/$PSN.xml")),
                d.sources());
        assertEquals("example.test", d.domain().orElseThrow());
        store.set("DHCP_Option_To_Use", "160,66", ChangeSource.ADMIN);
        assertEquals(160, d.sources().get(0).option());
        assertTrue(d.status().contains("mode static"), d.status());
        d.stop();
    }

    @Test
    void modeDhcpOrInformWithoutAnInterfaceIsRefusedInOneLine() throws IOException {
        ParameterStoreImpl store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        for (Settings.Mode mode : List.of(Settings.Mode.DHCP, Settings.Mode.INFORM)) {
            DiscoveryEngine d = started(store, settings(mode, "", ""));
            assertEquals(0, d.attempts(), "no exchange without an interface");
            assertTrue(d.status().contains("refused: no interface named (set mppfw.discovery.interfaceName"), d.status());
            assertTrue(d.exchangeNow().contains("set mppfw.discovery.interfaceName"), d.exchangeNow());
            d.stop();
        }
    }

    @Test
    void theAcsUrlOfOption43IsKeptUnlessOneIsConfigured() throws IOException {
        ParameterStoreImpl store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        started(store, settings(Settings.Mode.STATIC, "", "43=http://acs.example.test:7547/")).stop();
        assertEquals("http://acs.example.test:7547/", store.get("ACS_URL"));
        store.set("ACS_URL", "https://mine.example.test/", ChangeSource.ADMIN);
        started(store, settings(Settings.Mode.STATIC, "", "43=http://other.example.test/")).stop();
        assertEquals("https://mine.example.test/", store.get("ACS_URL"));
    }

    @Test
    void failedDhcpIsRetriedWithDoublingDelaysUpToAnHour() throws IOException {
        ParameterStoreImpl store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        DiscoveryEngine d = started(store, settings(Settings.Mode.DHCP, "mppfwnone0", ""));
        assertEquals(1, d.attempts());
        assertTrue(d.status().contains("no network interface mppfwnone0"), d.status());
        List<Long> gaps = new ArrayList<>();
        Instant last = clock.now();
        while (gaps.size() < 8) {
            int before = d.attempts();
            clock.advance(Duration.ofSeconds(1));
            if (d.attempts() > before) {
                gaps.add(Duration.between(last, clock.now()).toSeconds());
                last = clock.now();
            }
        }
        assertEquals(List.of(60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L), gaps);
        d.stop();
        clock.advance(Duration.ofHours(3));
        assertEquals(9, d.attempts(), "stopped: no more tries");
    }

    @Test
    void theAddressIsTheLeasesInModeDhcpElseTheInterfaces() throws IOException {
        ParameterStoreImpl store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        DiscoveryEngine dhcp = started(store, settings(Settings.Mode.DHCP, "mppfwnone0", ""));
        assertTrue(dhcp.address().isEmpty(), "no lease, no address");
        dhcp.stop();
        DiscoveryEngine lo = started(store, settings(Settings.Mode.STATIC, "lo", "66=10.0.0.1"));
        assertEquals("127.0.0.1", lo.address().orElseThrow().getHostAddress());
        lo.stop();
    }

    @Test
    void settingsAreCheckedAtActivation() {
        Map<String, String> fw = Map.of("mppfw.discovery.mode", "dhcp");
        DiscoveryConfig defaults = (DiscoveryConfig) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DiscoveryConfig.class}, (proxy, m, args) -> m.getDefaultValue());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.of(defaults, fw::get));
        assertTrue(e.getMessage().startsWith("interfaceName"), e.getMessage());
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 15353), new InetSocketAddress("127.0.0.2", 53)),
                Settings.hostPorts("127.0.0.1:15353, 127.0.0.2", 53));
    }
}
