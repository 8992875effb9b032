package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LaunchArgsTest {

    @Test
    void noArgumentsIsInteractiveWithNothingSet() throws Exception {
        LaunchArgs a = LaunchArgs.parse();
        assertFalse(a.batch());
        assertFalse(a.help());
        assertEquals(0, a.verbosity());
        assertTrue(a.values().isEmpty());
        assertEquals(Optional.empty(), a.commands());
    }

    @Test
    void identityAndDataTakeTheNextArgumentOrAnInlineValue() throws Exception {
        LaunchArgs a = LaunchArgs.parse("--data", "/tmp/x", "--mac=00:0E:08:01:23:45", "--model", "CP-7841-3PCC",
                "--serial", "FCH123", "--hwversion=2");
        assertEquals("/tmp/x", a.value(LaunchArgs.DATA).orElseThrow());
        assertEquals("00:0E:08:01:23:45", a.value(LaunchArgs.MAC).orElseThrow());
        assertEquals("CP-7841-3PCC", a.value(LaunchArgs.MODEL).orElseThrow());
        assertEquals("FCH123", a.value(LaunchArgs.SERIAL).orElseThrow());
        assertEquals("2", a.value(LaunchArgs.HWVERSION).orElseThrow());
    }

    @Test
    void dashCIsBatchModeAndKeepsTheCommandsVerbatim() throws Exception {
        LaunchArgs a = LaunchArgs.parse("-c", "param:get Profile_Rule; lb", "-v");
        assertTrue(a.batch());
        assertEquals("param:get Profile_Rule; lb", a.commands().orElseThrow());
        assertEquals(1, a.verbosity());
        assertEquals(2, LaunchArgs.parse("-vv").verbosity());
        assertTrue(LaunchArgs.parse("--help").help());
        assertTrue(LaunchArgs.parse("-h").help());
    }

    @Test
    void interactiveUnlessBatchOrNoShell() throws Exception {
        assertTrue(LaunchArgs.parse().interactive());
        assertFalse(LaunchArgs.parse("-c", "lb").interactive());
        LaunchArgs headless = LaunchArgs.parse("--no-shell");
        assertFalse(headless.interactive());
        assertFalse(headless.batch());
        assertThrows(LaunchArgs.UsageException.class, () -> LaunchArgs.parse("--no-shell", "-c", "lb"));
    }

    @Test
    void attachIsNeitherTheConsoleNorACommandRun() throws Exception {
        LaunchArgs attach = LaunchArgs.parse("--attach", "--data", "d");
        assertTrue(attach.attach());
        assertFalse(attach.interactive());
        assertFalse(attach.batch());
        assertFalse(LaunchArgs.parse().attach());
        assertThrows(LaunchArgs.UsageException.class, () -> LaunchArgs.parse("--attach", "-c", "lb"));
        assertThrows(LaunchArgs.UsageException.class, () -> LaunchArgs.parse("--no-shell", "--attach"));
    }

    @Test
    void aCommandThatLooksLikeAnOptionIsStillTheCommand() throws Exception {
        assertEquals("--data", LaunchArgs.parse("-c", "--data").commands().orElseThrow());
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        assertThrows(LaunchArgs.UsageException.class, () -> LaunchArgs.parse("--bogus"));
        assertThrows(LaunchArgs.UsageException.class, () -> LaunchArgs.parse("--mac"));
        assertThrows(LaunchArgs.UsageException.class, () -> LaunchArgs.parse("-c"));
        assertThrows(LaunchArgs.UsageException.class, () -> LaunchArgs.parse("--model", " "));
        assertThrows(LaunchArgs.UsageException.class, () -> LaunchArgs.parse("--mac", "a", "--mac", "b"));
        assertThrows(LaunchArgs.UsageException.class, () -> LaunchArgs.parse("-c", "lb", "-c", "lb"));
        assertThrows(LaunchArgs.UsageException.class, () -> LaunchArgs.parse("positional"));
    }
}
