package org.mppfw.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mppfw.api.provisioning.ProvisioningUrl;
import org.mppfw.api.provisioning.ProvisioningUrl.Scheme;
import org.mppfw.api.provisioning.RuleDecision;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleOptions;

/** Every rule example of the reference's §1, verbatim, evaluated on the test phone. */
class DocumentedRulesTest {

    /** §1.1: the valid URL examples (scheme, host or DHCP 66, port, path after expansion). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "DHCP", value = {
        "/$MA.cfg                                                | tftp  | DHCP                    | 69   | /000e08012345.cfg",
        "/cisco/cfg.xml                                          | tftp  | DHCP                    | 69   | /cisco/cfg.xml",
        "192.168.1.130/profiles/init.cfg                         | tftp  | 192.168.1.130           | 69   | /profiles/init.cfg",
        "tftp://prov.call.com/cpe/cisco$MA.cfg                   | tftp  | prov.call.com           | 69   | /cpe/cisco000e08012345.cfg",
        "http://neptune.speak.net:8080/prov/$D/$E.cfg            | http  | neptune.speak.net       | 8080 | /prov/dee/eee.cfg",
        "https://secure.me.com/profile?Linksys                   | https | secure.me.com           | 443  | /profile?Linksys",
        "tftp://prov.telco.com:6900/cisco/config/CP_xxxx_MPP.cfg | tftp  | prov.telco.com          | 6900 | /cisco/config/CP_xxxx_MPP.cfg",
        "http://remote.server.com/cisco/$MA.cfg                  | http  | remote.server.com       | 80   | /cisco/000e08012345.cfg",
        "[--alias b] https://p.tel.com/account/$PN$MA.xml        | https | p.tel.com               | 443  | /account/CP-8845-3PCC000e08012345.xml",
        "/$PSN.xml                                               | tftp  | DHCP                    | 69   | /8845-3PCC.xml",
    })
    void urlExamples(String rule, String scheme, String host, int port, String path) throws Exception {
        RuleDecision d = Rules.profile(rule);
        ProvisioningUrl u = d.url();
        assertEquals(0, d.alternative());
        assertEquals(scheme, u.scheme().token());
        assertEquals(host, u.host());
        assertEquals(host == null, u.hostFromDhcp());
        assertEquals(port, u.port());
        assertEquals(path, u.path());
    }

    @Test
    void urlToStringShowsDhcpHost() throws Exception {
        assertEquals("tftp://<DHCP option 66>:69/8845-3PCC.xml", Rules.profile("/$PSN.xml").url().toString());
        assertEquals("https://[fd00::1]:8443/a", Rules.profile("https://[fd00::1]:8443/a").url().toString());
    }

    /** §1.2: the bracketed option examples. */
    @Test
    void optionExamples() throws Exception {
        RuleOptions o = Rules.profile("[--key \"SymmetricSecret\" --alias a]").options();
        assertEquals("SymmetricSecret", o.key());
        assertEquals('a', o.alias());

        o = Rules.profile("[--key \"$SB\" --post g]").options();
        assertEquals(Phone.SECRET_B, o.key());
        assertEquals('g', o.post());

        o = Rules.profile("[--alias a --key abracadabra321 --post c]").options();
        assertEquals('a', o.alias());
        assertEquals("abracadabra321", o.key());
        assertEquals('c', o.post());

        o = Rules.profile("[--post j --alias k]").options();
        assertEquals('j', o.post());
        assertEquals('k', o.alias());

        RuleDecision d = Rules.profile("[--uid $SA --pwd $SB] https://provisioning_server_url/path/your_config.xml");
        assertEquals(Phone.SECRET_A, d.options().uid());
        assertEquals(Phone.SECRET_B, d.options().pwd());
        assertEquals("provisioning_server_url", d.url().host());
        assertEquals("/path/your_config.xml", d.url().path());

        d = Rules.eval("[--delta --key test123]http://my_http_server/config-mpp-delta.enc.xml", RuleKind.REPORT,
                Phone.source());
        assertTrue(d.options().delta());
        assertEquals("test123", d.options().key());
        assertEquals("my_http_server", d.url().host());

        d = Rules.profile("[--uid u --pwd p]http://10.0.0.1/cisco/$MA.xml");
        assertEquals("u", d.options().uid());
        assertEquals("p", d.options().pwd());

        d = Rules.profile("[--srv] https://example.com/$PSN.xml");
        assertTrue(d.options().srv());
        assertEquals("example.com", d.url().host());
        assertEquals("/8845-3PCC.xml", d.url().path());
    }

    /** §1.3 second example, both branches. */
    @Test
    void prvtmrAlternatives() throws Exception {
        String rule = "($PRVTMR ge 600)? http://p.tel.com/has-reg.cfg | [--post a] http://p.tel.com/lost-reg?";
        RuleDecision d = Rules.eval(rule, RuleKind.PROFILE, Phone.with("PRVTMR", "600"));
        assertEquals(0, d.alternative());
        assertEquals("/has-reg.cfg", d.url().path());
        d = Rules.eval(rule, RuleKind.PROFILE, Phone.with("PRVTMR", "599"));
        assertEquals(1, d.alternative());
        assertEquals("/lost-reg?", d.url().path());
        assertEquals('a', d.options().post());
        // the SPA wording of the same example
        String spa = "($REGTMR1 eq 0)? http://p.tel.com/has-reg.cfg | [--post a] http://p.tel.com/lost-reg?";
        assertEquals(0, Rules.eval(spa, RuleKind.PROFILE, Phone.with("REGTMR1", "0")).alternative());
        assertEquals(1, Rules.eval(spa, RuleKind.PROFILE, Phone.with("REGTMR1", "35")).alternative());
    }

    @Test
    void ccertAlternatives() throws Exception {
        String rule = "(\"$CCERT\" eq \"Installed\")? https://p.tel.com/config? | https://p.tel.com/config?cisco$MAU";
        assertEquals("/config?", Rules.eval(rule, RuleKind.PROFILE, Phone.with("CCERT", "Installed")).url().path());
        assertEquals("/config?cisco000E08012345",
                Rules.eval(rule, RuleKind.PROFILE, Phone.with("CCERT", "Not Installed")).url().path());
    }

    @Test
    void gppConditionWithAssignment() throws Exception {
        String rule = "(\"$A\" ne \"Provisioned\")? (Line_Enable_1_ = \"No\";)! https://p.tel.com/init-prov"
                + " | https://p.tel.com/configs";
        RuleDecision d = Rules.eval(rule, RuleKind.PROFILE, Phone.with("A", ""));
        assertEquals(0, d.alternative());
        assertEquals(Map.of("Line_Enable_1_", "No"), d.assignments());
        assertEquals("/init-prov", d.url().path());
        d = Rules.eval(rule, RuleKind.PROFILE, Phone.with("A", "Provisioned"));
        assertEquals(1, d.alternative());
        assertTrue(d.assignments().isEmpty());
        assertEquals("/configs", d.url().path());
    }

    /** §1.3 assignments: the long and the short GPP names mean the same. */
    @Test
    void assignmentExamples() throws Exception {
        RuleDecision a = Rules.profile("( User_ID_1_ = \"uid$B\" ; GPP_C = \"\" ; GPP_D = \"$MA\" ; )!");
        RuleDecision b = Rules.profile("( User_ID_1_ = \"uid$B\" ; c = \"\" ; d = \"$MA\" ; )!");
        assertEquals(Map.of("User_ID_1_", "uid42", "GPP_C", "", "GPP_D", "000e08012345"), a.assignments());
        assertEquals(a.assignments(), b.assignments());
        assertEquals(java.util.List.of("User_ID_1_", "GPP_C", "GPP_D"), java.util.List.copyOf(a.assignments().keySet()));
        assertTrue(a.nothingToDo());
        assertEquals(0, a.alternative());
    }

    /** §1.3: Resync_Trigger_1/2 hold a bare condition. */
    @Test
    void triggerExample() throws Exception {
        String trigger = "$UPGTMR gt 300 and $PRVTMR ge 600";
        assertTrue(Rules.test(trigger, Phone.with("UPGTMR", "301", "PRVTMR", "600")));
        assertFalse(Rules.test(trigger, Phone.with("UPGTMR", "300", "PRVTMR", "600")));
        assertFalse(Rules.test(trigger, Phone.with("UPGTMR", "301", "PRVTMR", "599")));
        assertTrue(Rules.test("", Phone.source()));
    }

    /** §1.5: the Upgrade_Rule examples. */
    @Test
    void upgradeExamples() throws Exception {
        RuleDecision d = Rules.eval("tftp://192.168.1.5/image/sip88xx.11-2-3MSR1-1.loads", RuleKind.UPGRADE,
                Phone.source());
        assertEquals("192.168.1.5", d.url().host());
        assertEquals(69, d.url().port());
        d = Rules.eval("https://10.73.10.223/firmware/sip7832.11-3-1MPP-678.loads", RuleKind.UPGRADE, Phone.source());
        assertEquals("/firmware/sip7832.11-3-1MPP-678.loads", d.url().path());

        String ne = "($SWVER ne sip7832.11-0-0MPP-256)? http://ps.tell.com/sw/sip7832.11-0-0MPP-BN.loads";
        d = Rules.eval(ne, RuleKind.UPGRADE, Phone.with("SWVER", "sip7832.11-0-0MPP-200"));
        assertEquals("/sw/sip7832.11-0-0MPP-BN.loads", d.url().path());
        d = Rules.eval(ne, RuleKind.UPGRADE, Phone.with("SWVER", "sip7832.11-0-0MPP-256"));
        assertTrue(d.nothingToDo());
        assertEquals("no condition holds", d.reason());

        String multistage = "( $SWVER lt 7.5.2b )? http://srv/spa50x-30x-7-5-2b.bin | http://srv/spa50x-30x-7-6-2.bin";
        assertEquals("/spa50x-30x-7-5-2b.bin",
                Rules.eval(multistage, RuleKind.UPGRADE, Phone.with("SWVER", "7.4.9")).url().path());
        assertEquals("/spa50x-30x-7-5-2b.bin",
                Rules.eval(multistage, RuleKind.UPGRADE, Phone.with("SWVER", "7.5.2a")).url().path());
        assertEquals("/spa50x-30x-7-6-2.bin",
                Rules.eval(multistage, RuleKind.UPGRADE, Phone.with("SWVER", "7.5.2b")).url().path());

        String beta = "(\"$F\" ne \"beta-customer\")? http://p.tel.com/firmware/...";
        assertEquals("/firmware/...", Rules.eval(beta, RuleKind.UPGRADE, Phone.source()).url().path());
        assertTrue(Rules.eval(beta, RuleKind.UPGRADE, Phone.with("F", "beta-customer")).nothingToDo());
    }

    /** §7: Report_Rule examples ($K is GPP_K). */
    @Test
    void reportExamples() throws Exception {
        RuleDecision d = Rules.eval("[--delta]http://my_http_server/config-mpp-delta.xml", RuleKind.REPORT,
                Phone.source());
        assertTrue(d.options().delta());
        d = Rules.eval("[ --key $K ] tftp://ps.callhome.net/$MA/rep.xml.enc", RuleKind.REPORT,
                Phone.with("K", "kkk"));
        assertEquals("kkk", d.options().key());
        assertEquals("/000e08012345/rep.xml.enc", d.url().path());
        d = Rules.eval("[ --delta ] http://reportTargetServer/reportPath/$PN_$MA_$SN.xml", RuleKind.REPORT,
                Phone.source());
        assertEquals("/reportPath/CP-8845-3PCC_000e08012345_FCH2036ABCD.xml", d.url().path());
    }

    @Test
    void activationCode() throws Exception {
        RuleDecision d = Rules.profile("gds://");
        assertEquals(Scheme.GDS, d.url().scheme());
        assertFalse(d.url().hostFromDhcp());
        assertEquals("gds://", d.url().toString());
    }

    @Test
    void nothingToDo() throws Exception {
        RuleDecision empty = Rules.profile("  ");
        assertTrue(empty.nothingToDo());
        assertEquals(-1, empty.alternative());
        assertEquals("the rule is empty", empty.reason());
        RuleDecision none = Rules.profile("($PRVTMR lt 5)? /a.cfg");
        assertEquals("no condition holds", none.reason());
        RuleDecision noUrl = Rules.profile("($PRVTMR lt 5)? /a.cfg | (a = \"x\";)!");
        assertEquals(1, noUrl.alternative());
        assertNull(noUrl.url());
        assertEquals(Map.of("GPP_A", "x"), noUrl.assignments());
        assertEquals("alternative 2 has no URL", noUrl.reason());
        RuleDecision blank = Rules.eval("$C", RuleKind.PROFILE, Phone.with("C", ""));
        assertTrue(blank.nothingToDo());
    }
}
