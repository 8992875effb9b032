package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.mppfw.api.discovery.CustomizationState;
import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.discovery.ProvisioningSource;
import org.mppfw.api.discovery.RemoteCustomization;
import org.mppfw.api.discovery.SrvTarget;
import org.mppfw.api.line.LineRegistration;
import org.mppfw.api.line.LineState;

/** Info > Status's network, customization and line parts. */
class NetworkStatusTest {

    static final String PROBE = StatusPageTest.PROBE;

    static final class Lease implements Discovery {
        @Override
        public List<ProvisioningSource> sources() {
            return List.of(new ProvisioningSource(66, "http://prov.example/" + PROBE));
        }

        @Override
        public Optional<String> domain() {
            return Optional.of("example.com");
        }

        @Override
        public Optional<String> acsUrl() {
            return Optional.empty();
        }

        @Override
        public List<String> ntpServers() {
            return List.of("192.0.2.123", "192.0.2.124");
        }

        @Override
        public List<SrvTarget> lookupSrv(String domain) {
            return List.of();
        }

        @Override
        public Optional<Inet4Address> address() {
            try {
                return Optional.of((Inet4Address) InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 10}));
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public String status() {
            return "lease 192.0.2.10/24 from 192.0.2.1, option 66 in use";
        }
    }

    static final class Customization implements RemoteCustomization {
        @Override
        public CustomizationState state() {
            return CustomizationState.CUSTOM_PENDING;
        }

        @Override
        public String reason() {
            return "activation server answered " + PROBE;
        }

        @Override
        public String activate(String code) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Lines implements LineState {
        @Override
        public boolean allIdle() {
            return false;
        }

        @Override
        public List<LineRegistration> registrations() {
            return List.of(new LineRegistration(1, LineRegistration.Status.REGISTERED, Instant.EPOCH,
                    "sip:1001@127.0.0.1: 200 OK " + PROBE), new LineRegistration(2, LineRegistration.Status.FAILED,
                    Instant.EPOCH, "403 Forbidden"));
        }
    }

    @Test
    void theLeaseTheAddressAndTheCustomizationStateShowEscaped() {
        StatusPage.Services s = new StatusPage.Services(null, null, null, null, null, PhoneTime.UTC,
                new NetworkStatus.Sources(new Lease(), new Customization()), new Lines());
        String page = StatusPage.body(s, Role.USER, new Sessions.Session("id", Role.USER, "tok"));
        assertFalse(page.contains(PROBE), page);
        assertTrue(page.contains("<th>Customization</th><td>Custom Pending (activation server answered &lt;script&gt;"), page);
        assertTrue(page.contains("<th>IP Address</th><td>192.0.2.10</td>"), page);
        assertTrue(page.contains("<th>DHCP</th><td>lease 192.0.2.10/24 from 192.0.2.1, option 66 in use</td>"), page);
        assertTrue(page.contains("<th>Domain</th><td>example.com</td>"), page);
        assertTrue(page.contains("<th>NTP Servers</th><td>192.0.2.123, 192.0.2.124</td>"), page);
        assertTrue(page.contains("prov.example/&lt;script&gt;"), page);
        assertTrue(page.contains("A call is up."), page);
        assertTrue(page.contains("<tr><td>Ext 1</td><td>Registered</td><td>01/01/70 00:00:00 UTC</td><td>sip:1001@127.0.0.1: 200 OK &lt;script&gt;"), page);
        assertTrue(page.contains("<tr><td>Ext 2</td><td>Failed</td>"), page);
    }

    @Test
    void servicesThatAreNotRunningShowAsNotAvailable() {
        StatusPage.Services s = new StatusPage.Services(null, null, null, null, null);
        String page = StatusPage.body(s, Role.ADMIN, new Sessions.Session("id", Role.ADMIN, "tok"));
        assertTrue(page.contains("<th>Customization</th><td>not available</td>"), page);
        assertTrue(page.contains("<th>IP Address</th><td>not available</td>"), page);
        assertTrue(page.contains("<th>DHCP</th><td>not available</td>"), page);
        assertTrue(page.contains("<th>Lines</th><td>not available</td>"), page);
    }
}
