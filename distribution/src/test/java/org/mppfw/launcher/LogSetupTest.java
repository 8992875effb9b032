package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogSetupTest {

    @Test
    void theRootLevelIsTheMoreVerboseOfTheConsolesAndTheRings() {
        assertEquals("INFO", LogSetup.lower("warn", "INFO"));
        assertEquals("DEBUG", LogSetup.lower("DEBUG", "INFO"));
        assertEquals("INFO", LogSetup.lower("info", "ERROR"));
        assertEquals("DEBUG", LogSetup.lower("loud", "ERROR"), "an unknown name is logback's default, debug");
    }
}
