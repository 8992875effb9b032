package org.mppfw.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mppfw.api.provisioning.RuleDecision;
import org.mppfw.api.provisioning.RuleKind;

/** Keys, passwords and secrets never show in what a rule or a decision prints. */
class MaskingTest {

    @Test
    void parsedRuleMasksKeyAndPassword() throws Exception {
        Rule r = RuleParser.parse("($PRVTMR ge 600)? [--key \"my secret phrase\" --uid bob --pwd hunter2 --post a]"
                + " https://p.tel.com/a | [--key abracadabra321]/b", RuleKind.PROFILE);
        String shown = r.toString();
        assertEquals("($PRVTMR ge 600)? [--key ***** --uid bob --pwd ***** --post a] https://p.tel.com/a"
                + " | [--key *****] /b", shown);
        for (String secret : List.of("my secret phrase", "hunter2", "abracadabra321")) {
            assertFalse(shown.contains(secret), shown);
        }
    }

    @Test
    void decisionMasksExpandedSecrets() throws Exception {
        RuleDecision d = Rules.profile("[--uid $SA --pwd $SB --key $(SB)] https://h/a");
        assertEquals(Phone.SECRET_A, d.options().uid());
        String shown = d.toString();
        assertEquals("alternative 1, options [--key ***** --uid ***** --pwd *****]: fetch https://h:443/a", shown);

        RuleDecision plain = Rules.profile("[--uid alice --pwd $SB] https://h/a");
        assertEquals("[--uid alice --pwd *****]", plain.options().toString());
    }

    @Test
    void secretsOutsideOptionsStayMacros() throws Exception {
        RuleDecision d = Rules.profile("(a = \"$SA\"; b = \"$(SB)\";)! https://h/$SA/$MA?$SB");
        assertEquals("$SA", d.assignments().get("GPP_A"));
        assertEquals("$(SB)", d.assignments().get("GPP_B"));
        assertEquals("/$SA/000e08012345?$SB", d.url().path());
        assertFalse(d.toString().contains(Phone.SECRET_A));
        assertFalse(d.toString().contains(Phone.SECRET_B));
        // and in conditions: "$SA" is compared as the text "$SA"
        assertEquals(true, Rules.test("\"$SA\" eq \"$$SA\"", Phone.source()));
    }

    @Test
    void valuesAssignedToSecretRegistersAreMasked() throws Exception {
        String rule = "(GPP_SA = \"new-secret\"; GPP_SD = \"x\"; GPP_S = \"shown\"; a = \"shown too\";)! [--key $SA] http://h/a";
        Rule r = RuleParser.parse(rule, RuleKind.PROFILE);
        assertEquals("(GPP_SA = \"*****\"; GPP_SD = \"*****\"; GPP_S = \"shown\"; GPP_A = \"shown too\";)! [--key *****]"
                + " http://h/a", r.toString());
        RuleDecision d = Rules.profile(rule);
        assertEquals("new-secret", d.assignments().get("GPP_SA"));
        assertEquals("new-secret", d.options().key());
        assertEquals("alternative 1, assigns {GPP_SA=*****, GPP_SD=*****, GPP_S=shown, GPP_A=shown too},"
                + " options [--key *****]: fetch http://h:80/a", d.toString());
    }

    /** Assignments run before the download: later assignments, options and the URL see them. */
    @Test
    void assignmentsAreVisibleToWhatFollows() throws Exception {
        RuleDecision d = Rules.profile("(a = \"first\"; c = \"$A-2\"; User_ID_1_ = \"u$C\";)! [--key $C] http://h/$A/$UID1");
        assertEquals("first-2", d.assignments().get("GPP_C"));
        assertEquals("ufirst-2", d.assignments().get("User_ID_1_"));
        assertEquals("first-2", d.options().key());
        assertEquals("/first/ufirst-2", d.url().path());
    }
}
