package org.mppfw.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.discovery.CustomizationState;
import org.mppfw.api.discovery.DiscoveryException;
import org.mppfw.api.transport.ResultClass;

/**
 * Remote customization's states, the CDA retry's back-off and activation codes, against nginx
 * playing the activation server (redirect, empty 200, errors, activation codes), on a virtual
 * clock ({@link CustomizationPeers}).
 */
class CustomizationTest extends CustomizationPeers {

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
        List<String> told = listen();
        resyncEnded(ResultClass.C, "tftp://x:69/y");
        // Webex_Onboard_Enable Yes (the default): the activation-code screen, retried in the background
        assertEquals(CustomizationState.GDS_PENDING, rc.state(), rc.reason());
        assertEquals("GDS-Pending +code", lastOf(told));
        assertEquals("/$PSN.xml", store.get("Profile_Rule"), "the provider's rule is never rewritten for the screen");
        clock.advance(Duration.ofSeconds(60));
        assertEquals(2, asked("/cda/"));
        assertEquals(CustomizationState.UNAVAILABLE, rc.state(), "GDS-Pending -> Pending, and the empty answer again");
        assertEquals("Unavailable +code", lastOf(told), "the activation-code screen stays");
        assertEquals(List.of("Open", "Pending", "GDS-Pending +code", "Pending +code", "Unavailable +code"), told);

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
        assertEquals("Unavailable", lastOf(told), "no activation-code screen");
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
