package org.mppfw.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testing.VirtualClock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.device.DeviceCertificate;
import org.mppfw.api.discovery.CustomizationState;
import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.discovery.RemoteCustomization;
import org.mppfw.api.firmware.FirmwareService;
import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.api.line.LineRegistration;
import org.mppfw.api.line.LineState;
import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;

/** The phone's macros: identity, registers, and the provisioning and upgrade state. */
class PhoneMacrosServiceTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    @TempDir
    Path data;

    private final VirtualClock clock = new VirtualClock(T0, ZoneOffset.UTC);
    private ParameterStoreImpl store;
    private PhoneMacrosService macros;

    @BeforeEach
    void phone() throws IOException {
        store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        macros = new PhoneMacrosService(store, Phone.identity(), clock);
    }

    private static ProvisioningStatus status(ProvisioningStatus.State state) {
        return new ProvisioningStatus(state, null, null, null, 0);
    }

    @Test
    void identityRegistersAndLineIdsOfOneSnapshot() throws IOException {
        store.set("GPP_A", "alpha", ChangeSource.ADMIN);
        store.set("GPP_SB", "s3cret", ChangeSource.ADMIN);
        store.set("User_ID_1_", "4001", ChangeSource.ADMIN);
        MacroSource m = macros.now();
        store.set("GPP_A", "changed later", ChangeSource.ADMIN);
        assertEquals("000e08012345", m.value("MA"));
        assertEquals("000E08012345", m.value("MAU"));
        assertEquals("00:0e:08:01:23:45", m.value("MAC"));
        assertEquals("CP-8845-3PCC", m.value("PN"));
        assertEquals("8845-3PCC", m.value("PSN"));
        assertEquals("FCH2036ABCD", m.value("SN"));
        assertEquals("FCH2036ABCD", m.value("SERIAL_NUMBER"));
        assertEquals("sip8845.12-0-1MPP0001-1", m.value("SWVER"));
        assertEquals("Cisco-CP-8845-3PCC/12.0.1", m.value("VERSION"));
        assertEquals("alpha", m.value("A"), "the parameters as they were when the snapshot was taken");
        assertEquals("changed later", macros.now().value("A"));
        assertEquals("s3cret", m.value("SB"));
        assertEquals("4001", m.value("UID1"));
        assertNull(m.value("SCHEME"), "values of one event are the caller's");
        assertNull(m.value("PRVST"));
    }

    @Test
    void perLineMacrosShowTheLinesParameters() throws IOException {
        store.set("User_ID_2_", "4002", ChangeSource.ADMIN);
        store.set("Display_Name_2_", "Reception", ChangeSource.ADMIN);
        store.set("Auth_ID_10_", "auth-10", ChangeSource.ADMIN);
        store.set("Proxy_1_", "sip.example.com:5061", ChangeSource.ADMIN);
        MacroSource m = macros.now();
        assertEquals("4002", m.value("UID2"));
        assertEquals("Reception", m.value("DISPLAYNAME2"));
        assertEquals("auth-10", m.value("AUTHID10"));
        assertEquals("sip.example.com:5061", m.value("PROXY1"));
        assertEquals("", m.value("PROXY2"), "a line without a proxy: the empty value");
        assertNull(m.value("PROXY"), "$PROXY is the SIP-side macro, no line's");
        assertNull(m.value("AUTHID11"), "the 8845 has 10 lines");
        assertEquals("Reception/4002@sip.example.com:5061 $AUTHID1x",
                MacroExpander.expand("$DISPLAYNAME2/$UID2@$(PROXY1) $$AUTHID1x", m, false));
    }

    @Test
    void versionExpandsInRulesAndMessagesAsInTheUserAgent() {
        MacroSource m = macros.now();
        assertEquals("Cisco-CP-8845-3PCC/12.0.1 (000e08012345)", MacroExpander.expand("$VERSION ($MA)", m, false));
        assertEquals("http://prov/Cisco-CP-8845-3PCC/12.0.1.cfg", MacroExpander.expand("http://prov/$(VERSION).cfg", m, false));
    }

    @Test
    void regtmrIsZeroWhileTheLineIsRegisteredElseTheSecondsSinceItLostIt() throws Exception {
        clock.advance(Duration.ofSeconds(40));
        assertEquals("40", macros.now().value("REGTMR1"), "no line state: since power-up");
        Instant lost = clock.now();
        java.util.List<LineRegistration> regs = new java.util.ArrayList<>(java.util.List.of(
                new LineRegistration(1, LineRegistration.Status.REGISTERED, lost, "with p"),
                new LineRegistration(2, LineRegistration.Status.FAILED, lost, "401")));
        macros.setLines(new LineState() {
            @Override
            public boolean allIdle() {
                return true;
            }

            @Override
            public java.util.List<LineRegistration> registrations() {
                return regs;
            }
        });
        clock.advance(Duration.ofSeconds(25));
        assertEquals("0", macros.now().value("REGTMR1"));
        assertEquals("25", macros.now().value("REGTMR2"));
        assertEquals(true, new ProvisioningRulesImpl().test("$REGTMR1 eq 0 and $REGTMR2 gt 20", macros.now()));
    }

    @Test
    void prvtmrCountsFromPowerUpThenFromEachResyncAttempt() {
        clock.advance(Duration.ofSeconds(700));
        assertEquals("700", macros.now().value("PRVTMR"));
        macros.statusChanged(status(ProvisioningStatus.State.WAITING_FOR_IDLE));
        macros.statusChanged(status(ProvisioningStatus.State.IDLE));
        assertEquals("700", macros.now().value("PRVTMR"), "only an attempt resets it");
        macros.statusChanged(status(ProvisioningStatus.State.RESYNCING));
        clock.advance(Duration.ofSeconds(30));
        macros.statusChanged(status(ProvisioningStatus.State.IDLE));
        clock.advance(Duration.ofSeconds(60));
        assertEquals("90", macros.now().value("PRVTMR"), "from the start of the last attempt");
    }

    @Test
    void upgradeMacrosFromTheFirmwareServiceWhenItRuns() {
        clock.advance(Duration.ofSeconds(400));
        MacroSource without = macros.now();
        assertEquals("400", without.value("UPGTMR"), "since power-up");
        assertEquals("1", without.value("UPGST"));
        assertEquals("", without.value("UPGERR"));
        FirmwareService fw = firmware(new UpgradeStatus(UpgradeStatus.Phase.IDLE, 0, "", T0.plusSeconds(100),
                "download failed: HTTP 404", 2));
        macros.setFirmware(fw);
        MacroSource with = macros.now();
        assertEquals("300", with.value("UPGTMR"));
        assertEquals("2", with.value("UPGST"));
        assertEquals("download failed: HTTP 404", with.value("UPGERR"));
        macros.unsetFirmware(fw);
        assertEquals("1", macros.now().value("UPGST"));
    }

    @Test
    void iscustIsOneOnceRemoteCustomizationIsAcquired() {
        assertEquals("0", macros.now().value("ISCUST"));
        RemoteCustomization pending = customization(CustomizationState.PENDING);
        macros.setCustomization(pending);
        assertEquals("0", macros.now().value("ISCUST"));
        macros.setCustomization(customization(CustomizationState.ACQUIRED));
        macros.unsetCustomization(pending); // an old instance going away leaves the new one
        assertEquals("1", macros.now().value("ISCUST"));
    }

    @Test
    void iscustIsOneForActivationCodeOnboardingToo() {
        macros.setCustomization(customization(CustomizationState.GDS_PENDING));
        assertEquals("0", macros.now().value("ISCUST"));
        macros.setCustomization(customization(CustomizationState.GDS_ACQUIRED));
        assertEquals("1", macros.now().value("ISCUST"));
        macros.setCustomization(customization(CustomizationState.ABORTED));
        assertEquals("0", macros.now().value("ISCUST"), "provisioned another way is not customized");
    }

    @Test
    void ccertSaysWhetherTheDeviceCertificateIsInstalled() throws Exception {
        // Cisco's example: the config without the MAC only for a phone that authenticates by certificate
        String rule = "(\"$CCERT\" eq \"Installed\")? https://p.tel.com/config? | https://p.tel.com/config?cisco$MAU";
        ProvisioningRulesImpl rules = new ProvisioningRulesImpl();
        assertEquals("Not Installed", macros.now().value("CCERT"), "no bundle holds a certificate");
        assertEquals("/config?cisco000E08012345", rules.evaluate(rule, RuleKind.PROFILE, macros.now()).url().path());

        boolean[] file = {false};
        DeviceCertificate certificate = () -> file[0];
        macros.setCertificate(certificate);
        assertEquals("Not Installed", macros.now().value("CCERT"));
        file[0] = true;
        assertEquals("Installed", macros.now().value("CCERT"));
        assertEquals("/config?", rules.evaluate(rule, RuleKind.PROFILE, macros.now()).url().path());
        macros.unsetCertificate(certificate);
        assertEquals("Not Installed", macros.now().value("CCERT"));
    }

    @Test
    void extipIsEmptyWithoutNatMappingAndUpgcondIsTrue() {
        MacroSource m = macros.now();
        assertEquals("", m.value("EXTIP"), "known, and empty: the phone has no STUN");
        assertEquals("true", m.value("UPGCOND"), "the legacy name, true since SPA 2.0.6");
        assertEquals("ext=;cond=true", MacroExpander.expand("ext=$EXTIP;cond=$UPGCOND", m, false));
    }

    @Test
    void ipIsThePhonesAddressAsDiscoveryKnowsIt() throws IOException {
        assertNull(macros.now().value("IP"));
        Discovery none = discovery(Optional.empty());
        macros.setDiscovery(none);
        assertNull(macros.now().value("IP"));
        Discovery leased = discovery(Optional.of((Inet4Address) InetAddress.getByName("10.99.0.123")));
        macros.setDiscovery(leased);
        macros.unsetDiscovery(none);
        assertEquals("10.99.0.123", macros.now().value("IP"));
        macros.unsetDiscovery(leased);
        assertNull(macros.now().value("IP"));
    }

    private static Discovery discovery(Optional<Inet4Address> address) {
        return (Discovery) Proxy.newProxyInstance(PhoneMacrosServiceTest.class.getClassLoader(),
                new Class<?>[] {Discovery.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "address" -> address;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static FirmwareService firmware(UpgradeStatus status) {
        return (FirmwareService) Proxy.newProxyInstance(PhoneMacrosServiceTest.class.getClassLoader(),
                new Class<?>[] {FirmwareService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "status" -> status;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static RemoteCustomization customization(CustomizationState state) {
        return (RemoteCustomization) Proxy.newProxyInstance(PhoneMacrosServiceTest.class.getClassLoader(),
                new Class<?>[] {RemoteCustomization.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "state" -> state;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
