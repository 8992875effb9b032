package org.mppfw.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mppfw.api.config.ParameterException;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.discovery.ProvisioningSource;
import org.mppfw.testing.FakeIdentity;
import org.mppfw.testing.GogoShell;
import org.mppfw.testing.VirtualClock;

/** The prov: commands, dispatched by the real Gogo runtime, on a store and identity of our own. */
class ProvCommandsTest {

    private static final String NL = System.lineSeparator();

    private final Map<String, String> values = new HashMap<>();
    private GogoShell shell;
    private ProvCommands commands;

    @BeforeEach
    void shell() {
        values.put("Profile_Rule", "/$PSN.xml");
        values.put("Profile_Rule_B", "");
        values.put("Upgrade_Rule", "($SWVER lt sip8845.12-0-1MPP0002-1)? http://fw.example.com/sip8845.12-0-1MPP0002-1.loads");
        values.put("Resync_Trigger_1", "");
        values.put("GPP_A", "ABCDEF");
        values.put("GPP_SA", "top-secret-a");
        values.put("User_ID_1_", "4001");
        values.put("Proxy_1_", "sip.example.com");
        values.put("Display_Name_1_", "Front Desk");
        ParameterStore store = store(values);
        VirtualClock clock = new VirtualClock(Instant.EPOCH, ZoneOffset.UTC);
        commands = new ProvCommands(store, new PhoneMacrosService(store, identity(), clock));
        shell = new GogoShell().add("prov", commands,
                "expand", "eval");
    }

    @AfterEach
    void close() {
        shell.close();
    }

    private String run(String line) throws Exception {
        return shell.run(line);
    }

    private String error(String line) {
        CommandException e = assertThrows(CommandException.class, () -> shell.execute(line));
        assertTrue(e.toString().startsWith("Error: "));
        return e.getMessage();
    }

    @Test
    void evalOfARuleWithoutServerShowsTheServersDiscoveryGivesNow() throws Exception {
        Discovery dhcp = (Discovery) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Discovery.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "enabled" -> true;
                    case "sources" -> List.of(new ProvisioningSource(160, "http://prov.example.test/boot/$PSN.xml"),
                            new ProvisioningSource(66, "10.0.0.9"));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        commands.setDiscovery(dhcp);
        assertEquals("Profile_Rule = /$PSN.xml" + NL + "alternative 1: fetch tftp://<DHCP option 66>:69/8845-3PCC.xml" + NL
                + "servers from DHCP option 160, option 66: http://prov.example.test:80/boot/8845-3PCC.xml, "
                + "tftp://10.0.0.9:69/8845-3PCC.xml", run("prov:eval Profile_Rule"));
        assertFalse(run("prov:eval http://prov.example.test/x.xml").contains("servers"), "a rule naming its server");
        commands.unsetDiscovery(dhcp);
    }

    @Test
    void expandShowsTheDocumentedForms() throws Exception {
        assertEquals("/8845-3PCC.xml CP-8845-3PCC 000E08012345 00:0e:08:01:23:45 4001 CDE",
                run("prov:expand '/$PSN.xml $PN $MAU $MAC $UID1 $(A:2:3)'"));
        assertEquals("sip8845.12-0-1MPP0001-1 FCH2036ABCD $SA", run("prov:expand '$SWVER $SN $SA'"));
    }

    @Test
    void evalOfTheFactoryProfileRule() throws Exception {
        assertEquals("Profile_Rule = /$PSN.xml" + NL + "alternative 1: fetch tftp://<DHCP option 66>:69/8845-3PCC.xml" + NL
                + "no server: no server in the rule, and no discovery service for DHCP options or DNS SRV: set a full URL "
                + "(param:set Profile_Rule http://server/$PSN.xml) or turn discovery on (mppfw.discovery.mode=dhcp)",
                run("prov:eval Profile_Rule"));
        assertEquals("Profile_Rule_B = (empty)" + NL + "no alternative: nothing to do (the rule is empty)",
                run("prov:eval Profile_Rule_B"));
        assertEquals("Upgrade_Rule = ($SWVER lt sip8845.12-0-1MPP0002-1)? http://fw.example.com/sip8845.12-0-1MPP0002-1.loads"
                + NL + "alternative 1: fetch http://fw.example.com:80/sip8845.12-0-1MPP0002-1.loads",
                run("prov:eval Upgrade_Rule"));
        assertEquals("Resync_Trigger_1 is empty: it does not hold a resync back", run("prov:eval Resync_Trigger_1"));
    }

    @Test
    void evalMasksSecrets() throws Exception {
        String out = run("prov:eval '[--uid $SA --pwd \"pass word\" --key k3y] https://h/$MA.xml'");
        assertEquals("[--key ***** --uid $SA --pwd *****] https://h/$MA.xml" + NL
                + "alternative 1, options [--key ***** --uid ***** --pwd *****]: fetch https://h:443/000e08012345.xml", out);
        assertFalse(out.contains("top-secret-a"));
        assertFalse(out.contains("k3y"));
        assertFalse(out.contains("pass word"));
    }

    @Test
    void evalOfOtherKinds() throws Exception {
        assertEquals("[--delta] http://r/$MA.xml" + NL + "alternative 1, options [--delta]: fetch http://r:80/000e08012345.xml",
                run("prov:eval report '[--delta] http://r/$MA.xml'"));
        assertTrue(error("prov:eval firmware /x").contains("unknown kind 'firmware'"));
    }

    @Test
    void syntaxErrorsPointAtTheColumn() {
        assertEquals("column 17: expected 'and' or ')?'" + NL + "  ($PRVTMR ge 600 or $A eq 1)? /a" + NL
                + "                  ^", error("prov:eval '($PRVTMR ge 600 or $A eq 1)? /a'"));
        // a rule with a key is never echoed
        assertEquals("column 11: expected a URL", error("prov:eval '[--key k] [x]'"));
        values.put("Resync_Trigger_2", "$UPGTMR gt");
        assertTrue(error("prov:eval Resync_Trigger_2").startsWith("Resync_Trigger_2: column 11: expected a value"));
    }

    @Test
    void triggerIsEvaluated() throws Exception {
        values.put("Resync_Trigger_2", "\"$A\" eq \"ABCDEF\" and $UID1 ge 4000");
        assertEquals("Resync_Trigger_2 = \"$A\" eq \"ABCDEF\" and $UID1 ge 4000" + NL + "true",
                run("prov:eval Resync_Trigger_2"));
    }

    @Test
    void aRuleOnTheLineProxyPicksItsAlternative() throws Exception {
        values.put("Profile_Rule_C", "($PROXY1 eq \"sip.example.com\")? http://prov.example.com/$UID1-$(PROXY1).xml"
                + " | http://prov.example.com/other.xml");
        assertEquals("Profile_Rule_C = ($PROXY1 eq \"sip.example.com\")? http://prov.example.com/$UID1-$(PROXY1).xml"
                + " | http://prov.example.com/other.xml" + NL
                + "alternative 1: fetch http://prov.example.com:80/4001-sip.example.com.xml", run("prov:eval Profile_Rule_C"));
        values.put("Proxy_1_", "sip.other.example");
        assertTrue(run("prov:eval Profile_Rule_C").endsWith("alternative 2: fetch http://prov.example.com:80/other.xml"),
                run("prov:eval Profile_Rule_C"));
        assertEquals("Front Desk at sip.other.example", run("prov:expand '$DISPLAYNAME1 at $PROXY1'"));
    }

    private static ParameterStore store(Map<String, String> values) {
        return (ParameterStore) Proxy.newProxyInstance(ProvCommandsTest.class.getClassLoader(),
                new Class<?>[] {ParameterStore.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "values" -> Map.copyOf(values);
                    case "get" -> {
                        String v = values.get((String) args[0]);
                        if (v == null) {
                            throw new ParameterException("unknown parameter " + args[0]);
                        }
                        yield v;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static DeviceIdentity identity() {
        return FakeIdentity.cp8845("000e08012345", "FCH2036ABCD", "1");
    }
}
