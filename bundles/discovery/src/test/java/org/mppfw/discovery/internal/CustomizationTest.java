package org.mppfw.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.discovery.CustomizationState;
import org.mppfw.api.discovery.DiscoveryException;
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
 * Remote customization against nginx playing the activation server (redirect, empty 200,
 * errors, activation codes), on a virtual clock for the back-off. Resync results reach the
 * engine through its {@code ProvisioningListener} contract, as the resync engine sends them.
 */
class CustomizationTest {

    static final String MAC = "000e08012345";

    private static Scratch peers;
    private static int port;

    @TempDir
    Path data;

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-06-01T08:00:00Z"), ZoneId.of("UTC"));
    private final HttpClientTransport http = new HttpClientTransport();
    private final List<String> resyncs = new ArrayList<>();
    private ParameterStoreImpl store;
    private CustomizationEngine rc;

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

    private void boot(String serverPath) throws IOException {
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

    private void resyncEnded(ResultClass result, String url) {
        Instant now = clock.now();
        clock.advance(Duration.ofMillis(1));
        ResyncRecord r = new ResyncRecord(now, now, "power-up", "Profile_Rule", url, result, result == ResultClass.A ? "applied" : "failed",
                "", List.of(), List.of(), List.of());
        rc.statusChanged(new ProvisioningStatus(ProvisioningStatus.State.IDLE, r, null, null, 0));
    }

    @Test
    void failedFirstResyncAsksTheServerWhichRedirectsThenAcquired() throws IOException {
        boot("/redirect");
        assertEquals(CustomizationState.OPEN, rc.state());
        resyncEnded(ResultClass.C, "tftp://10.0.0.1:69/8845-3PCC.xml");
        assertEquals(CustomizationState.CUSTOM_PENDING, rc.state(), rc.reason());
        assertEquals("http://prov.example.test/8845-3PCC.xml", store.get("Profile_Rule"));
        assertEquals(List.of("http://prov.example.test/8845-3PCC.xml"), resyncs);
        assertTrue(http.requested.get(0).toString().endsWith("/redirect/cda/" + MAC + "?pn=CP-8845-3PCC&sn=FCH2345ABCD"),
                http.requested.toString());
        resyncEnded(ResultClass.A, "http://prov.example.test:80/8845-3PCC.xml");
        assertEquals(CustomizationState.ACQUIRED, rc.state());
        // final: kept across a restart, and the server is never asked again
        rc.stop();
        int asked = http.requested.size();
        boot("/redirect");
        assertEquals(CustomizationState.ACQUIRED, rc.state());
        resyncEnded(ResultClass.C, "http://prov.example.test:80/8845-3PCC.xml");
        clock.advance(Duration.ofDays(3));
        assertEquals(asked, http.requested.size());
        // until a factory reset
        store.factoryReset();
        rc.parametersChanged(List.of(), ChangeSource.FACTORY_RESET);
        assertEquals(CustomizationState.OPEN, rc.state());
    }

    @Test
    void aRedirectProfileGivesItsProfileRule() throws IOException {
        boot("/profile");
        resyncEnded(ResultClass.C, "tftp://x:69/y");
        assertEquals("https://p.example.test/x.xml", store.get("Profile_Rule"));
        // the resync from it fails: back to Pending, asked again after the back-off
        resyncEnded(ResultClass.C, "https://p.example.test:443/x.xml");
        assertEquals(CustomizationState.PENDING, rc.state());
        int asked = http.requested.size();
        clock.advance(Duration.ofSeconds(59));
        assertEquals(asked, http.requested.size());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(asked + 1, http.requested.size());
        assertEquals(CustomizationState.CUSTOM_PENDING, rc.state());
    }

    @Test
    void emptyAnswerIsUnavailableAndIsAskedAgain() throws IOException {
        boot("/empty");
        // no Webex onboarding: the idle screen, and the state the answer gives
        store.set("Webex_Onboard_Enable", "No", ChangeSource.ADMIN);
        resyncEnded(ResultClass.C, "tftp://x:69/y");
        assertEquals(CustomizationState.UNAVAILABLE, rc.state());
        assertEquals("/$PSN.xml", store.get("Profile_Rule"));
        clock.advance(Duration.ofSeconds(60));
        assertEquals(2, http.requested.size());
    }

    @Test
    void errorsAreRetriedWithExponentialBackOffUntilTheServerAnswers() throws IOException {
        boot("/error");
        store.set("Webex_Onboard_Enable", "No", ChangeSource.ADMIN);
        resyncEnded(ResultClass.C, "tftp://x:69/y");
        assertEquals(CustomizationState.PENDING, rc.state());
        assertTrue(rc.reason().contains("503"), rc.reason());
        List<Instant> at = new ArrayList<>();
        Instant t0 = clock.now();
        for (int i = 0; i < 8; i++) {
            int before = http.requested.size();
            while (http.requested.size() == before) {
                clock.advance(Duration.ofSeconds(1));
            }
            at.add(clock.now());
        }
        List<Long> gaps = new ArrayList<>();
        Instant prev = t0;
        for (Instant i : at) {
            gaps.add(Duration.between(prev, i).toSeconds());
            prev = i;
        }
        assertEquals(List.of(60L, 120L, 240L, 480L, 960L, 1920L, 3840L, 7680L), gaps);
        store.set("Activation_Server_URL", "http://127.0.0.1:" + port + "/redirect", ChangeSource.SYSTEM);
        clock.advance(Duration.ofSeconds(15360));
        assertEquals(CustomizationState.CUSTOM_PENDING, rc.state());
    }

    @Test
    void provisioningFromDhcpOrByHandAborts() throws IOException {
        boot("/redirect");
        resyncEnded(ResultClass.A, "tftp://10.0.0.1:69/8845-3PCC.xml");
        assertEquals(CustomizationState.ABORTED, rc.state());
        assertTrue(http.requested.isEmpty());
        store.factoryReset();
        rc.parametersChanged(List.of(), ChangeSource.FACTORY_RESET);
        store.set("Activation_Server_URL", "http://127.0.0.1:" + port + "/error", ChangeSource.SYSTEM);
        store.set("Webex_Onboard_Enable", "No", ChangeSource.ADMIN);
        resyncEnded(ResultClass.C, "tftp://x:69/y");
        assertEquals(CustomizationState.PENDING, rc.state());
        store.set("Profile_Rule", "http://mine.example.test/p.xml", ChangeSource.ADMIN);
        rc.parametersChanged(List.of(new ParameterChange("Profile_Rule", "/$PSN.xml", store.get("Profile_Rule"), false)),
                ChangeSource.ADMIN);
        assertEquals(CustomizationState.ABORTED, rc.state());
        int asked = http.requested.size();
        clock.advance(Duration.ofDays(2));
        assertEquals(asked, http.requested.size(), "a final state stops the retries");
    }

    @Test
    void activationCodesLongAndShort() throws Exception {
        boot("/codes");
        store.set("Profile_Rule", "gds://", ChangeSource.ADMIN);
        rc.parametersChanged(List.of(new ParameterChange("Profile_Rule", "/$PSN.xml", store.get("Profile_Rule"), false)),
                ChangeSource.ADMIN);
        assertEquals(CustomizationState.GDS_PENDING, rc.state());
        assertThrows(IllegalArgumentException.class, () -> rc.activate("12345"));
        assertThrows(IllegalArgumentException.class, () -> rc.activate("#12"));
        DiscoveryException refused = assertThrows(DiscoveryException.class, () -> rc.activate("9999999999999999"));
        assertTrue(refused.getMessage().contains("404"), refused.getMessage());
        assertEquals("https://onboard.example.test/cfg.xml", rc.activate("1234567890123456"));
        assertEquals("https://onboard.example.test/cfg.xml", store.get("Profile_Rule"));
        assertEquals("http://short.example.test/cfg.xml", rc.activate("#123"));
        resyncEnded(ResultClass.A, "http://short.example.test:80/cfg.xml");
        assertEquals(CustomizationState.GDS_ACQUIRED, rc.state());
        store.set("Webex_Onboard_Enable", "No", ChangeSource.ADMIN);
        assertThrows(DiscoveryException.class, () -> rc.activate("1234567890123456"));
    }

    @Test
    void aBootstrapProfileSettingGdsAsksForACodeInsteadOfAborting() throws Exception {
        boot("/codes");
        // the profile applied first, then the engine reports its success
        store.set("Profile_Rule", "gds://", ChangeSource.PROFILE);
        resyncEnded(ResultClass.A, "http://boot.example.test:80/bootstrap.xml");
        assertEquals(CustomizationState.GDS_PENDING, rc.state(), rc.reason());
        // typed on the activation-code screen
        rc.activationCodeEntered(org.mppfw.api.discovery.ActivationCode.parse("#123"));
        assertEquals("http://short.example.test/cfg.xml", store.get("Profile_Rule"));
        resyncEnded(ResultClass.A, "http://short.example.test:80/cfg.xml");
        assertEquals(CustomizationState.GDS_ACQUIRED, rc.state());
    }

    /** Requests made to the activation server's {@code path} (e.g. {@code /cda/}). */
    private long asked(String path) {
        return http.requested.stream().filter(u -> u.getPath().contains(path)).count();
    }

    @Test
    void gdsPendingRetriesTheActivationServerInTheBackgroundUntilAcquired() throws IOException {
        boot("/error");
        // the back-off starts from the first item of Resync_Error_Retry_Delay
        store.set("Resync_Error_Retry_Delay", "30,3600", ChangeSource.ADMIN);
        store.set("Profile_Rule", "gds://", ChangeSource.ADMIN);
        rc.parametersChanged(List.of(new ParameterChange("Profile_Rule", "/$PSN.xml", "gds://", false)), ChangeSource.ADMIN);
        assertEquals(CustomizationState.GDS_PENDING, rc.state());
        clock.advance(Duration.ofSeconds(29));
        assertEquals(0, asked("/cda/"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, asked("/cda/"));
        // GDS-Pending -> Pending; the activation-code screen stays (Profile_Rule gds://)
        assertEquals(CustomizationState.PENDING, rc.state(), rc.reason());
        assertEquals("gds://", store.get("Profile_Rule"));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(1, asked("/cda/"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(2, asked("/cda/"), "doubled: 60 s");
        // the MAC is added on the activation server: the next retry is redirected
        store.set("Activation_Server_URL", "http://127.0.0.1:" + port + "/redirect", ChangeSource.SYSTEM);
        clock.advance(Duration.ofSeconds(120));
        assertEquals(3, asked("/cda/"));
        assertEquals(CustomizationState.CUSTOM_PENDING, rc.state(), rc.reason());
        assertEquals(List.of("http://prov.example.test/8845-3PCC.xml"), resyncs);
        // Custom Pending -> Pending when its resync fails, asked again
        resyncEnded(ResultClass.C, "http://prov.example.test:80/8845-3PCC.xml");
        assertEquals(CustomizationState.PENDING, rc.state());
        clock.advance(Duration.ofSeconds(240));
        assertEquals(4, asked("/cda/"));
        assertEquals(CustomizationState.CUSTOM_PENDING, rc.state());
        resyncEnded(ResultClass.A, "http://prov.example.test:80/8845-3PCC.xml");
        assertEquals(CustomizationState.ACQUIRED, rc.state());
        clock.advance(Duration.ofDays(3));
        assertEquals(4, asked("/cda/"), "Acquired stops the retries");
    }

    @Test
    void abortedStopsTheRetriesOfGdsPending() throws IOException {
        boot("/error");
        store.set("Profile_Rule", "gds://", ChangeSource.ADMIN);
        rc.parametersChanged(List.of(new ParameterChange("Profile_Rule", "/$PSN.xml", "gds://", false)), ChangeSource.ADMIN);
        clock.advance(Duration.ofSeconds(60));
        assertEquals(1, asked("/cda/"));
        store.set("Profile_Rule", "http://mine.example.test/p.xml", ChangeSource.ADMIN);
        rc.parametersChanged(List.of(new ParameterChange("Profile_Rule", "gds://", store.get("Profile_Rule"), false)),
                ChangeSource.ADMIN);
        assertEquals(CustomizationState.ABORTED, rc.state());
        clock.advance(Duration.ofDays(3));
        assertEquals(1, asked("/cda/"));
    }

    @Test
    void gdsAcquiredStopsTheRetries() throws Exception {
        boot("/error");
        store.set("Profile_Rule", "gds://", ChangeSource.ADMIN);
        rc.parametersChanged(List.of(new ParameterChange("Profile_Rule", "/$PSN.xml", "gds://", false)), ChangeSource.ADMIN);
        clock.advance(Duration.ofSeconds(60));
        assertEquals(1, asked("/cda/"));
        rc.activate("1234567890123456");
        resyncEnded(ResultClass.A, "https://onboard.example.test:443/cfg.xml");
        assertEquals(CustomizationState.GDS_ACQUIRED, rc.state());
        clock.advance(Duration.ofDays(3));
        assertEquals(1, asked("/cda/"));
    }

    @Test
    void withoutAnAnswerTheFactoryPhoneShowsTheActivationScreenOnlyWithWebexOnboarding() throws IOException {
        boot("/empty");
        resyncEnded(ResultClass.C, "tftp://x:69/y");
        // Webex_Onboard_Enable Yes (the default): the activation-code screen, retried in the background
        assertEquals(CustomizationState.GDS_PENDING, rc.state(), rc.reason());
        assertEquals("gds://", store.get("Profile_Rule"));
        clock.advance(Duration.ofSeconds(60));
        assertEquals(2, asked("/cda/"));
        assertEquals(CustomizationState.UNAVAILABLE, rc.state(), "GDS-Pending -> Pending, and the empty answer again");
        assertEquals("gds://", store.get("Profile_Rule"), "the activation-code screen stays");

        // Webex_Onboard_Enable No: an empty (idle) screen, the factory rule kept, the retries the same
        store.factoryReset();
        rc.parametersChanged(List.of(), ChangeSource.FACTORY_RESET);
        store.set("Activation_Server_URL", "http://127.0.0.1:" + port + "/empty", ChangeSource.ADMIN);
        store.set("Webex_Onboard_Enable", "No", ChangeSource.ADMIN);
        resyncEnded(ResultClass.C, "tftp://x:69/y");
        assertEquals(CustomizationState.UNAVAILABLE, rc.state());
        assertEquals("/$PSN.xml", store.get("Profile_Rule"));
        clock.advance(Duration.ofSeconds(60));
        assertEquals(4, asked("/cda/"));
    }

    @Test
    void sixteenDigitCodesGoToTheOnboardingServiceAndShortCodesToTheActivationServer() throws Exception {
        boot("/codes");
        assertEquals("https://onboard.example.test/cfg.xml", rc.activate("1234567890123456"));
        assertEquals("/onboard/activate", http.requested.get(0).getPath());
        assertTrue(http.requested.get(0).getRawQuery().startsWith("code=1234567890123456&mac=" + MAC + "&pn=CP-8845-3PCC"),
                http.requested.toString());
        assertEquals("http://short.example.test/cfg.xml", rc.activate("#123"));
        assertEquals("/codes/activate", http.requested.get(1).getPath());
        // without Webex onboarding, a 16-digit code is refused on the phone and sent nowhere
        store.set("Webex_Onboard_Enable", "No", ChangeSource.ADMIN);
        DiscoveryException off = assertThrows(DiscoveryException.class, () -> rc.activate("1234567890123456"));
        assertTrue(off.getMessage().contains("Webex_Onboard_Enable"), off.getMessage());
        assertEquals(2, http.requested.size());
        assertEquals("http://short.example.test/cfg.xml", rc.activate("#123"), "a short code is CDA's, not Webex's");
    }

    @Test
    void theFirstItemOfADelayList() {
        Duration d = Duration.ofSeconds(60);
        Duration day = Duration.ofDays(1);
        assertEquals(Duration.ofSeconds(30), Backoff.firstItem("30,60", d, day));
        assertEquals(Duration.ofSeconds(30), Backoff.firstItem(" 30+10, 60", d, day));
        assertEquals(d, Backoff.firstItem("0", d, day));
        assertEquals(d, Backoff.firstItem("", d, day));
        assertEquals(day, Backoff.firstItem("999999999", d, day));
    }

    @Test
    void theUrlOfAnAnswer() {
        assertEquals("http://a/b", ActivationServer.provisioningUrl("  http://a/b\r\nx"));
        assertEquals("", ActivationServer.provisioningUrl("<flat-profile/>"));
        assertEquals("", ActivationServer.provisioningUrl("http://a/\u0007"));
    }
}
