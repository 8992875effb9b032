package org.mppfw.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.RuleDecision;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleSyntaxException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the rule parser (all three kinds, and bare conditions) and the evaluation of what it
 * accepts: the only exceptions allowed are {@link RuleSyntaxException} and
 * {@link RuleEvaluationException}, a syntax error's column lies within the text (or just past
 * it), a parsed rule prints in a form that parses to itself, and the secrets' values do not
 * change what a decision shows. The
 * build runs the inputs in {@code RuleFuzzTestInputs/parse/}; fuzzing needs {@code JAZZER_FUZZ=1}.
 */
class RuleFuzzTest {

    private static final MacroSource PHONE = Phone.source();

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (RuleKind kind : RuleKind.values()) {
            Rule rule;
            try {
                rule = RuleParser.parse(text, kind);
            } catch (RuleSyntaxException e) {
                assertColumn(e, text);
                continue;
            }
            String shown = rule.toString();
            // the normal form parses again to the same normal form
            try {
                assertEquals(shown, RuleParser.parse(shown, kind).toString());
            } catch (RuleSyntaxException e) {
                throw new AssertionError("normal form '" + shown + "' of '" + text + "' does not parse: " + e, e);
            }
            String shownDecision = decision(rule, PHONE, text);
            assertEquals(shownDecision, decision(rule, Phone.otherSecrets(), text), "a secret changed what is shown");
        }
        try {
            Condition c = RuleParser.parseCondition(text);
            if (c != null) {
                ConditionEvaluator.test(c, PHONE);
            }
        } catch (RuleSyntaxException e) {
            assertColumn(e, text);
        } catch (RuleEvaluationException expected) {
            // a comparison that cannot be made
        }
    }

    private static void assertColumn(RuleSyntaxException e, String text) {
        assertTrue(e.column() >= 1 && e.column() <= text.length() + 1, e.getMessage());
        assertFalse(e.expected().isEmpty());
    }

    /** The decision as shown, or the evaluation error's message. */
    private static String decision(Rule rule, MacroSource macros, String text) {
        try {
            RuleDecision d = RuleEvaluator.evaluate(rule, macros);
            assertTrue(d.nothingToDo() || d.url().path().startsWith("/") || d.url().toString().equals("gds://"));
            return d.toString();
        } catch (RuleEvaluationException expected) {
            assertTrue(expected.column() >= 1 && expected.column() <= text.length() + 1);
            return expected.getMessage();
        }
    }
}
