package org.mppfw.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandScriptTest {

    @Test
    void splitsAtSemicolonsAndNewlines() {
        assertEquals(List.of("param:get Profile_Rule", "lb", "sys:info"),
                CommandScript.split("param:get Profile_Rule; lb\n\n  sys:info ;"));
        assertEquals(List.of("a", "b"), CommandScript.split("a\r\nb"));
    }

    @Test
    void keepsQuotedAndNestedSeparators() {
        assertEquals(List.of("param:set Profile_Rule 'tftp://x;y/$MA.cfg'", "lb"),
                CommandScript.split("param:set Profile_Rule 'tftp://x;y/$MA.cfg'; lb"));
        assertEquals(List.of("echo \"a;b \\\" c;\""), CommandScript.split("echo \"a;b \\\" c;\""));
        assertEquals(List.of("each [1 2] { echo $it; echo x\n }", "lb"),
                CommandScript.split("each [1 2] { echo $it; echo x\n }; lb"));
        assertEquals(List.of("echo (lb; lb)"), CommandScript.split("echo (lb; lb)"));
        assertEquals(List.of("echo a\\;b"), CommandScript.split("echo a\\;b"));
    }

    @Test
    void emptyScriptHasNoCommands() {
        assertTrue(CommandScript.split("").isEmpty());
        assertTrue(CommandScript.split(" ;\n; ").isEmpty());
    }

    @Test
    void findsTheScopeAndFunctionToWaitFor() {
        assertArrayEquals(new String[] {"sys", "info"}, CommandScript.scopedFunction("sys:info").orElseThrow());
        assertArrayEquals(new String[] {"param", "get"},
                CommandScript.scopedFunction("  param:get Profile_Rule").orElseThrow());
        assertTrue(CommandScript.scopedFunction("lb").isEmpty());
        assertTrue(CommandScript.scopedFunction(":x").isEmpty());
        assertTrue(CommandScript.scopedFunction("a:").isEmpty());
        assertTrue(CommandScript.scopedFunction("a:b)(x=y").isEmpty());
    }

    @Test
    void errorMessagesAreOneLine() {
        assertEquals("bad value", CommandScript.message(new IllegalArgumentException("bad value\n\tat x")));
        assertEquals("IllegalStateException", CommandScript.message(new IllegalStateException()));
    }
}
