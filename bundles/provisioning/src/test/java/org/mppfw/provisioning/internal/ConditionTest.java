package org.mppfw.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.api.provisioning.RuleSyntaxException;

class ConditionTest {

    private static boolean holds(String condition) throws Exception {
        return Rules.test(condition, Phone.source());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5 = 5 | true", "5 eq 5 | true", "5 EQ 05 | true", "5 != 5 | false", "5 ne 6 | true",
        "4 < 5 | true", "5 lt 5 | false", "5 <= 5 | true", "6 le 5 | false", "6 > 5 | true", "5 gt 5 | false",
        "5 >= 5 | true", "4 ge 5 | false", "-3 lt 2 | true",
        "99999999999999999999 gt 9999999999999999999 | true",
        "$B = 42 | true", "$B gt 41 and $B lt 43 | true", "$B gt 41 AND $B lt 42 | false",
        "\"$A\" eq \"ABCDEF\" | true", "\"$A\" = \"abcdef\" | false", "$A eq ABCDEF | true",
        "\"$EXTIP\" ne \"\" | false", "\"$B\" = 42 | true",
        "$PRVTMR>=600 | true", "$PRVTMR<600 | false",
    })
    void comparisons(String condition, boolean expected) throws Exception {
        assertEquals(expected, holds(condition));
    }

    /** §1.3: Cisco's own ordering examples, and the parts compared in order. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sipyyyy.11-3-1MPP-110 > sipyyyy.11-2-3MPP-256 | true",
        "sipyyyy.11-3-2MPP0002-256 > sipyyyy.11-3-2MPP0001-609 | true",
        "sipyyyy.11-3-2MPP0001-609 < sipyyyy.11-3-2MPP0002-256 | true",
        "12-0-1MPP-1 gt 11-9-9MPP-999 | true",
        "11-1-0MPP-2 gt 11-0-9MPP-999 | true",
        "11-0-2MPP-1 gt 11-0-1MPP-999 | true",
        "11-0-1MPP-377 gt 11-0-1MPP-376 | true",
        "sip7832.11-0-1MPP-376 = sip8845.11-0-1MPP-376 | true",
        "sip7832.11-0-1MPP-376 eq 11-0-1MPP-376 | true",
        "1.0.33 lt 1.0.34 | true", "1.0.33 = 1.0.33 | true", "7.5.2b gt 7.5.2 | true", "7.10.0 gt 7.9.9 | true",
    })
    void versions(String condition, boolean expected) throws Exception {
        assertEquals(expected, holds(condition));
    }

    @Test
    void swverUnquotedIsAVersionQuotedIsText() throws Exception {
        assertTrue(holds("$SWVER ge 12-0-1MPP0001-1"));
        assertTrue(holds("$SWVER lt sip8845.12-0-1MPP0002-1"));
        assertTrue(holds("$SWVER eq 12-0-1MPP0001-1"));
        assertFalse(holds("\"$SWVER\" eq \"12-0-1MPP0001-1\""));
        assertTrue(holds("\"$SWVER\" eq \"sip8845.12-0-1MPP0001-1\""));
    }

    /** §1.3: mixing the old and new version formats is an error, at parse time between literals. */
    @Test
    void mixedVersionFormatsAreRefused() {
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class,
                () -> holds("sipyyyy.11-3-2MPP0001-609 gt sipyyyy.11-3-1MPP-110"));
        assertEquals(30, e.column());
        RuleEvaluationException x = assertThrows(RuleEvaluationException.class,
                () -> holds("$SWVER ne sip7832.11-0-0MPP-256"));
        assertEquals(1, x.column());
        assertTrue(x.getMessage().contains("old and new"), x.getMessage());
    }

    @Test
    void orderingOnlyForIntegersAndVersions() {
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> holds("$B lt \"5\""));
        assertEquals(7, e.column());
        assertThrows(RuleEvaluationException.class, () -> holds("$A lt 5"));
        assertThrows(RuleEvaluationException.class, () -> holds("5 lt 11-0-1MPP-376"));
        assertThrows(RuleEvaluationException.class, () -> holds("1.0.3 lt 11-0-1MPP-376"));
        assertThrows(RuleEvaluationException.class, () -> holds("$EXTIP gt 0"));
    }

    /** Legacy SPA forms: '!' alone is not-equal and a missing left operand is $SWVER. */
    @Test
    void legacyForms() throws Exception {
        String rule = "( ! 1.0.33 )? http://up.example.com/spa-1.0.33.bin";
        assertEquals("/spa-1.0.33.bin",
                Rules.eval(rule, org.mppfw.api.provisioning.RuleKind.UPGRADE, Phone.with("SWVER", "1.0.32"))
                        .url().path());
        assertTrue(Rules.eval(rule, org.mppfw.api.provisioning.RuleKind.UPGRADE, Phone.with("SWVER", "1.0.33"))
                .nothingToDo());
        assertTrue(Rules.test("lt 1.0.40", Phone.with("SWVER", "1.0.33")));
        assertFalse(Rules.test("= 1.0.40", Phone.with("SWVER", "1.0.33")));
        assertTrue(Rules.test("$B ! 41", Phone.source()));
        assertEquals("ne 1.0.33", RuleParser.parseCondition(" ! 1.0.33 ").toString());
    }

    @Test
    void conditionsAreEvaluatedLeftToRightAndStopAtTheFirstThatHolds() throws Exception {
        String rule = "($B eq 1)? /one | ($B eq 42)? /two | ($A lt 3)? /three | /four";
        // the third alternative would be an error, but the second holds first
        assertEquals("/two", Rules.profile(rule).url().path());
        assertThrows(RuleEvaluationException.class,
                () -> Rules.eval(rule, org.mppfw.api.provisioning.RuleKind.PROFILE, Phone.with("B", "7")));
    }
}
