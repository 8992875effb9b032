package org.mppfw.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserLineTest {

    @Test
    void wordsAreSplitOnSpacesAndTabs() {
        assertEquals(List.of("param:get", "Station_Name"), UserLine.words("  param:get\tStation_Name  "));
        assertEquals(List.of(), UserLine.words("   "));
        assertEquals(List.of("fw:status"), UserLine.words("fw:status"));
    }

    /** Every piece of Gogo syntax needs a character the user level refuses. */
    @ParameterizedTest
    @ValueSource(strings = {"(bundle 0) stop", "$.context", "echo ${.context}", "{ lb }", "lb; stop 0", "lb | grep x",
        "lb &", "x = 1", "echo 'x'", "echo \"x\"", "a\\b", "lb > f", "lb < f", "param:get *", "echo @x", "a#b",
        "lb\nstop 0", "lb\rstop 0", "caf\u00e9", "a\u0000b", "a,b", "a[0]", "%x", "~", "`x`", "!x", "^x", "a+b",
        "a/b"})
    void gogoSyntaxIsRefused(String line) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UserLine.words(line));
        assertTrue(e.getMessage().contains("is not allowed at user level"), e.getMessage());
    }

    @Test
    void aLineTooLongIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> UserLine.words("a".repeat(UserLine.MAX_LENGTH + 1)));
        assertEquals(1, UserLine.words("a".repeat(UserLine.MAX_LENGTH)).size());
    }
}
