package org.mppfw.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.discovery.CustomizationState;
import org.mppfw.api.transport.ResultClass;

/**
 * The activation-code screen of a factory phone the activation server gave no URL: the phone
 * never rewrites {@code Profile_Rule} to show it, so its resyncs go on trying the servers DHCP
 * gives, and one that provisions the phone ends the CDA retry (Aborted).
 */
class CustomizationScreenTest extends CustomizationPeers {

    @Test
    void aServerDhcpGivesLaterProvisionsThePhoneOnTheActivationScreenAndEndsTheRetry() throws IOException {
        boot("/empty");
        List<String> told = listen();
        // no DHCP option at power-up, nothing from the activation server: the activation-code screen
        resyncEnded(ResultClass.C, "-");
        assertEquals(CustomizationState.GDS_PENDING, rc.state(), rc.reason());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(2, asked("/cda/"));
        // the factory rule is still there: the next resync fails again, the screen and the retry stay
        assertEquals("/$PSN.xml", store.get("Profile_Rule"));
        resyncEnded(ResultClass.C, "-");
        assertEquals(CustomizationState.UNAVAILABLE, rc.state());
        assertEquals("Unavailable +code", lastOf(told));
        // option 66 arrives; the periodic resync fetches /$PSN.xml from it: provisioned before remote customization
        resyncEnded(ResultClass.A, "tftp://10.0.0.1:69/8845-3PCC.xml");
        assertEquals(CustomizationState.ABORTED, rc.state(), rc.reason());
        assertEquals("Aborted", lastOf(told), "the activation-code screen leaves");
        clock.advance(Duration.ofDays(3));
        assertEquals(2, asked("/cda/"), "Aborted stops the CDA retry");
    }

    @Test
    void aDhcpServerProvisioningThePhoneWhileItShowsTheScreenIsAbortedNotGdsAcquired() throws IOException {
        boot("/empty");
        resyncEnded(ResultClass.C, "-");
        assertEquals(CustomizationState.GDS_PENDING, rc.state(), rc.reason());
        resyncEnded(ResultClass.A, "http://10.0.0.1:80/8845-3PCC.xml");
        assertEquals(CustomizationState.ABORTED, rc.state(), rc.reason());
        assertEquals("/$PSN.xml", store.get("Profile_Rule"));
    }

    @Test
    void aCodeTypedOnTheScreenOfAFactoryPhoneSetsTheRuleFromItsUrl() throws Exception {
        boot("/empty");
        List<String> told = listen();
        resyncEnded(ResultClass.C, "-");
        assertEquals("GDS-Pending +code", lastOf(told));
        rc.activationCodeEntered(org.mppfw.api.discovery.ActivationCode.parse("1234567890123456"));
        assertEquals("https://onboard.example.test/cfg.xml", store.get("Profile_Rule"));
        assertEquals(List.of("https://onboard.example.test/cfg.xml"), resyncs);
        assertEquals("GDS-Pending", lastOf(told), "the code is accepted: the screen leaves");
        resyncEnded(ResultClass.A, "https://onboard.example.test:443/cfg.xml");
        assertEquals(CustomizationState.GDS_ACQUIRED, rc.state(), rc.reason());
        clock.advance(Duration.ofDays(3));
        assertEquals(1, asked("/cda/"), "a code stops the retry");
    }

    @Test
    void theProvidersGdsRuleStillAsksForACodeAndAManualRuleEndsTheScreen() throws IOException {
        boot("/empty");
        List<String> told = listen();
        assertEquals(List.of("Open"), told, "a listener is told the current values when it comes");
        resyncEnded(ResultClass.C, "-");
        store.set("Profile_Rule", "gds://", ChangeSource.ADMIN);
        rc.parametersChanged(List.of(new ParameterChange("Profile_Rule", "/$PSN.xml", "gds://", false)), ChangeSource.ADMIN);
        assertEquals(CustomizationState.GDS_PENDING, rc.state());
        assertEquals("GDS-Pending +code", lastOf(told));
        store.set("Profile_Rule", "http://mine.example.test/p.xml", ChangeSource.ADMIN);
        rc.parametersChanged(List.of(new ParameterChange("Profile_Rule", "gds://", store.get("Profile_Rule"), false)),
                ChangeSource.ADMIN);
        assertEquals("Aborted", lastOf(told));
    }
}
