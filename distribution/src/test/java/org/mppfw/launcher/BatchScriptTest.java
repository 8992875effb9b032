package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BatchScriptTest {

    @Test
    void splitsAtSemicolonsAndNewlines() {
        assertEquals(List.of("param:get Profile_Rule", "lb", "sys:info"),
                BatchScript.split("param:get Profile_Rule; lb\n\n  sys:info ;"));
        assertEquals(List.of("a", "b"), BatchScript.split("a\r\nb"));
    }

    @Test
    void keepsQuotedAndNestedSeparators() {
        assertEquals(List.of("param:set Profile_Rule 'tftp://x;y/$MA.cfg'", "lb"),
                BatchScript.split("param:set Profile_Rule 'tftp://x;y/$MA.cfg'; lb"));
        assertEquals(List.of("echo \"a;b \\\" c;\""), BatchScript.split("echo \"a;b \\\" c;\""));
        assertEquals(List.of("each [1 2] { echo $it; echo x\n }", "lb"),
                BatchScript.split("each [1 2] { echo $it; echo x\n }; lb"));
        assertEquals(List.of("echo (lb; lb)"), BatchScript.split("echo (lb; lb)"));
        assertEquals(List.of("echo a\\;b"), BatchScript.split("echo a\\;b"));
    }

    @Test
    void emptyScriptHasNoCommands() {
        assertTrue(BatchScript.split("").isEmpty());
        assertTrue(BatchScript.split(" ;\n; ").isEmpty());
    }

    @Test
    void findsTheScopeAndFunctionToWaitFor() {
        assertArrayEquals(new String[] {"sys", "info"}, BatchScript.scopedFunction("sys:info").orElseThrow());
        assertArrayEquals(new String[] {"param", "get"},
                BatchScript.scopedFunction("  param:get Profile_Rule").orElseThrow());
        assertTrue(BatchScript.scopedFunction("lb").isEmpty());
        assertTrue(BatchScript.scopedFunction(":x").isEmpty());
        assertTrue(BatchScript.scopedFunction("a:").isEmpty());
        assertTrue(BatchScript.scopedFunction("a:b)(x=y").isEmpty());
    }

    @Test
    void errorMessagesAreOneLine() {
        assertEquals("bad value", BatchRunner.message(new IllegalArgumentException("bad value\n\tat x")));
        assertEquals("IllegalStateException", BatchRunner.message(new IllegalStateException()));
    }
}
