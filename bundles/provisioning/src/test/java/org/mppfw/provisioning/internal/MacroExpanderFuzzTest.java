package org.mppfw.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.mppfw.api.provisioning.MacroSource;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the macro expander: it never throws, never lets a secret change the text outside options, never
 * expands what it produced, and a text without {@code $} comes back unchanged. The build runs the
 * inputs in {@code MacroExpanderFuzzTestInputs/expand/}; fuzzing needs {@code JAZZER_FUZZ=1}.
 */
class MacroExpanderFuzzTest {

    /** Values full of macro syntax: expanding them again would change them. */
    private static final MacroSource TRAPS = Phone.with("A", "$MA$$", "B", "$(SA)", "C", "$(A:1:2)", "MA", "$SB");

    @FuzzTest(maxDuration = "60s")
    void expand(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        String shown = MacroExpander.expand(text, Phone.source(), false);
        assertEquals(shown, MacroExpander.expand(text, Phone.otherSecrets(), false), "a secret changed the text");
        if (text.indexOf('$') < 0) {
            assertEquals(text, shown);
        }
        // each $ of the text yields at most the longest value; nothing is rescanned
        String trapped = MacroExpander.expand(text, TRAPS, false);
        assertTrue(trapped.length() <= text.length() * 24L, trapped);
        // $MA is "$SB" and $A is "$MA$$" here: the phone's real MAC can only come from the text itself
        if (!text.contains("000e08012345")) {
            assertTrue(!trapped.contains("000e08012345"), trapped);
        }
        MacroExpander.expand(text, Phone.source(), true);
    }
}
