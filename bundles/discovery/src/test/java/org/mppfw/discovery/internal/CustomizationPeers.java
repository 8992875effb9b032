package org.mppfw.discovery.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.service.ServiceSlot;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.Transports;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;
import org.mppfw.testing.FakeIdentity;
import org.mppfw.testing.Nginx;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.VirtualClock;

/**
 * What the tests of remote customization share: nginx playing the activation server (redirect,
 * empty 200, errors, activation codes), the parameter store, and an engine on a virtual clock and
 * a direct executor. Resync results reach the engine through its {@code ProvisioningListener}
 * contract, as the resync engine sends them.
 */
abstract class CustomizationPeers {

    static final String MAC = "000e08012345";

    private static Scratch peers;
    static int port;

    @TempDir
    Path data;

    final VirtualClock clock = new VirtualClock(Instant.parse("2026-06-01T08:00:00Z"), ZoneId.of("UTC"));
    final HttpClientTransport http = new HttpClientTransport();
    final List<String> resyncs = new ArrayList<>();
    ParameterStoreImpl store;
    CustomizationEngine rc;

    private final DeviceIdentity identity = FakeIdentity.cp8845(MAC, "FCH2345ABCD", "1");

    @BeforeAll
    static void startNginx() throws Exception {
        peers = new Scratch("edos");
        port = Ports.tcp();
        Nginx.start(peers, port, """
                  default_type text/plain;
                  server {
                    listen 127.0.0.1:%d;
                    location = /redirect/cda/%s { return 200 "http://prov.example.test/8845-3PCC.xml\\n"; }
                    location = /profile/cda/%s { return 200 "<flat-profile><Profile_Rule ua=\\"na\\">https://p.example.test/x.xml</Profile_Rule></flat-profile>"; }
                    location = /empty/cda/%s { return 200 ""; }
                    location /error/ { return 503; }
                    location = /codes/activate {
                      if ($arg_code = "%%23123") { return 200 "http://short.example.test/cfg.xml"; }
                      return 404;
                    }
                    location = /onboard/activate {
                      if ($arg_code = "1234567890123456") { return 200 "https://onboard.example.test/cfg.xml"; }
                      return 404;
                    }
                  }
                """.formatted(port, MAC, MAC, MAC));
    }

    @AfterAll
    static void stopNginx() {
        if (peers != null) {
            peers.close();
        }
    }

    @AfterEach
    void stop() {
        if (rc != null) {
            rc.stop();
        }
    }

    void boot(String serverPath) throws IOException {
        if (store == null) {
            store = new ParameterStoreImpl(data.resolve("params"), Catalog.standard(), ParameterStoreImpl.Options.defaults());
        }
        store.set("Activation_Server_URL", "http://127.0.0.1:" + port + serverPath, ChangeSource.ADMIN);
        store.set("Onboarding_Server_URL", "http://127.0.0.1:" + port + "/onboard", ChangeSource.ADMIN);
        Transports transports = new Transports();
        transports.add(http, HttpClientTransport.props());
        ServiceSlot<Provisioning> provisioning = ServiceSlot.of("provisioning", new Provisioning() {
            public ProvisioningStatus status() { return null; }
            public List<ResyncRecord> history() { return List.of(); }
            public boolean resync() { resyncs.add(store.get("Profile_Rule")); return true; }
            public boolean resync(String rule) { return resync(); }
            public void profileAccount(String user, char[] password) { }
        });
        rc = new CustomizationEngine(clock, store, identity, data.resolve("customization"), () -> true, transports, provisioning,
                Runnable::run);
    }

    void resyncEnded(ResultClass result, String url) {
        Instant now = clock.now();
        clock.advance(Duration.ofMillis(1));
        ResyncRecord r = new ResyncRecord(now, now, "power-up", "Profile_Rule", url, result, result == ResultClass.A ? "applied" : "failed",
                "", List.of(), List.of(), List.of());
        rc.statusChanged(new ProvisioningStatus(ProvisioningStatus.State.IDLE, r, null, null, 0));
    }

    /** Requests made to the activation server's {@code path} (e.g. {@code /cda/}). */
    long asked(String path) {
        return http.requested.stream().filter(u -> u.getPath().contains(path)).count();
    }

    /** What the engine tells a {@code CustomizationListener}: the state, and "+code" while it awaits a code. */
    List<String> listen() {
        List<String> told = new ArrayList<>();
        rc.addListener((state, awaitsCode) -> told.add(state.label() + (awaitsCode ? " +code" : "")));
        return told;
    }

    static String lastOf(List<String> told) {
        return told.get(told.size() - 1);
    }
}
