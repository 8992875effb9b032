package org.mppfw.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleSyntaxException;

/** A syntax error names the 1-based column and what was expected there. */
class SyntaxErrorTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "~~", quoteCharacter = '`', value = {
        // rule ~~ column ~~ what is expected (start of the text)
        "/a.cfg | /b.cfg ~~ 1 ~~ a condition '( ... )?'",
        "($A eq 1)? /a.cfg | /b.cfg | /c.cfg ~~ 21 ~~ a condition '( ... )?'",
        "($PRVTMR ge 600 http://a/b ~~ 27 ~~ ')?' or ')!' to close '(' at column 1",
        "($PRVTMR ge 600) http://a/b ~~ 18 ~~ '?' (condition) or '!' (assignments)",
        "($PRVTMR 600)? /a ~~ 10 ~~ an operator",
        "($PRVTMR ge)? /a ~~ 12 ~~ a value",
        "($PRVTMR ge 600 or $A eq 1)? /a ~~ 17 ~~ 'and' or ')?'",
        "()? /a ~~ 2 ~~ a comparison",
        "(\"$A eq 1)? /a ~~ 15 ~~ '\"' to close the string at column 2",
        "(a = \"x\";)! ($A eq 1)? /a ~~ 13 ~~ options '[ ... ]' or a URL after the assignments",
        "($A eq 1)? ($B eq 1)? /a ~~ 12 ~~ assignments '( ... )!'",
        "(a = x;)! /a ~~ 6 ~~ a value in double quotes",
        "(a = \"x\" b = \"y\")! /a ~~ 10 ~~ ';' after the value",
        "(z = \"x\";)! /a ~~ 2 ~~ a parameter name or a GPP letter a..p",
        "(Line_Enable_1_ \"No\";)! /a ~~ 17 ~~ '=' after Line_Enable_1_",
        "(1x = \"No\";)! /a ~~ 2 ~~ a parameter name",
        "(-Mode = \"No\";)! /a ~~ 2 ~~ a parameter name",
        "(.Mode = \"No\";)! /a ~~ 2 ~~ a parameter name",
        "(Phone-UI User = \"No\";)! /a ~~ 11 ~~ '=' after Phone-UI",
        "[--key] /a ~~ 7 ~~ a value for --key",
        "[--cipher aes] /a ~~ 2 ~~ an option: --key, --uid, --pwd, --srv, --post or --alias",
        "[key x] /a ~~ 2 ~~ an option",
        "[--key a --key b] /a ~~ 10 ~~ each option once",
        "[--post q] http://a/b ~~ 9 ~~ a GPP letter a..p for --post",
        "[--key \"abc] /a ~~ 16 ~~ '\"' to close the string at column 8",
        "[--key \"a\"b] /a ~~ 11 ~~ a space after the value of --key",
        "[--key a /a ~~ 12 ~~ ']' to close '[' at column 1",
        "[--key a] [--uid b] /a ~~ 11 ~~ a URL",
        "http://a/b c ~~ 11 ~~ '|' or the end of the rule",
        "ftp://a/b.cfg ~~ 1 ~~ the scheme tftp://, http:// or https://",
        "http://a.b.c ~~ 13 ~~ an absolute file path",
        "http://host:99999/a ~~ 13 ~~ a port number 1-65535",
        "http://host:/a ~~ 13 ~~ a port number 1-65535",
        "http://ho st/a ~~ 10 ~~ '|' or the end of the rule",
        "http://h@st/a ~~ 9 ~~ a host name or IP address",
        "[--srv] /a.cfg ~~ 9 ~~ http:// or https:// with --srv (Error - TFTP Scheme not supported in SRV lookups)",
        "[--post a] tftp://h/a.cfg ~~ 12 ~~ http:// or https:// with --post",
        "[--delta] http://h/a ~~ 2 ~~ an option",
    })
    void profileRuleErrors(String rule, int column, String expected) {
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> RuleParser.parse(rule, RuleKind.PROFILE));
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.expected().startsWith(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("column " + column + ": expected "), e.getMessage());
    }

    @Test
    void upgradeRuleTakesNoOptionsAndNeedsAServer() {
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class,
                () -> RuleParser.parse("[--key k] http://a/b", RuleKind.UPGRADE));
        assertEquals(1, e.column());
        e = assertThrows(RuleSyntaxException.class, () -> RuleParser.parse("($A eq 1)? /fw.loads", RuleKind.UPGRADE));
        assertEquals(12, e.column());
        assertTrue(e.expected().startsWith("a server"), e.getMessage());
        assertThrows(RuleSyntaxException.class, () -> RuleParser.parse("gds://", RuleKind.UPGRADE));
    }

    @Test
    void reportRuleOptions() throws Exception {
        RuleParser.parse("[--status --key k] http://a/b", RuleKind.REPORT);
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class,
                () -> RuleParser.parse("[--srv] http://a/b", RuleKind.REPORT));
        assertTrue(e.expected().contains("--delta"), e.getMessage());
    }

    @Test
    void bareConditionErrors() {
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class,
                () -> RuleParser.parseCondition("$UPGTMR gt 300 $PRVTMR ge 600"));
        assertEquals(16, e.column());
        assertEquals("'and' or the end of the condition", e.expected());
    }

    /** A URL with macros is checked once expanded; the error names the URL's column. */
    @Test
    void expandedUrlErrors() throws Exception {
        RuleParser.parse("($B eq 42)? $A", RuleKind.PROFILE);
        RuleEvaluationException e = assertThrows(RuleEvaluationException.class,
                () -> Rules.profile("($B eq 42)? $A"));
        assertEquals(13, e.column());
        assertTrue(e.getMessage().contains("'ABCDEF'"), e.getMessage());
        assertEquals("/x", Rules.eval("$A", RuleKind.PROFILE, Phone.with("A", "http://h/x")).url().path());
    }

    @Test
    void separatorsInsideQuotesBracketsAndParenthesesDoNotSplit() throws Exception {
        Rule r = RuleParser.parse("(\"$A\" eq \"a|b)\")? (b = \"x|y\";)! [--key \"k|]\"] http://h/1 | http://h/2",
                RuleKind.PROFILE);
        assertEquals(2, r.alternatives().size());
        assertEquals("http://h/1", r.alternatives().get(0).url());
        assertEquals("x|y", r.alternatives().get(0).assignments().get(0).value());
        assertEquals("k|]", r.alternatives().get(0).options().key());
    }

    @Test
    void whitespaceIsOptional() throws Exception {
        Rule r = RuleParser.parse("($B eq 42)?(a=\"1\")![--key k]http://h/1|/x", RuleKind.PROFILE);
        assertEquals(2, r.alternatives().size());
        assertEquals("GPP_A", r.alternatives().get(0).assignments().get(0).parameter());
        assertEquals("k", r.alternatives().get(0).options().key());
        assertEquals("/x", r.alternatives().get(1).url());
        Rule spaced = RuleParser.parse("  ( $B eq 42 ) ?  ( a = \"1\" ) !  [ --key k ]  http://h/1  ", RuleKind.PROFILE);
        assertEquals(r.alternatives().get(0).toString(), spaced.alternatives().get(0).toString());
    }

    @Test
    void assignmentNamesMayHoldHyphensAndDots() throws Exception {
        Rule r = RuleParser.parse("(Phone-UI-User-Mode = \"Yes\"; Vendor.Option_2 = \"x\"; b = \"1\";)! http://h/1",
                RuleKind.PROFILE);
        var assignments = r.alternatives().get(0).assignments();
        assertEquals(3, assignments.size());
        assertEquals("Phone-UI-User-Mode", assignments.get(0).parameter());
        assertEquals("Yes", assignments.get(0).value());
        assertEquals("Vendor.Option_2", assignments.get(1).parameter());
        assertEquals("GPP_B", assignments.get(2).parameter());
        Rule upgrade = RuleParser.parse("(Phone-UI-User-Mode=\"No\")! http://h/sip8845.12-0-2MPP0001-1.loads",
                RuleKind.UPGRADE);
        assertEquals("Phone-UI-User-Mode", upgrade.alternatives().get(0).assignments().get(0).parameter());
    }
}
