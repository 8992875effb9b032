package org.mppfw.log.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;

class DebugLevelTest {

    @Test
    void theSeveritiesInAnyCase() {
        assertEquals(Optional.of(DebugLevel.DEBUG), DebugLevel.parse("DEBUG"));
        assertEquals(Optional.of(DebugLevel.WARNING), DebugLevel.parse(" warning "));
        assertEquals(Optional.of(DebugLevel.EMERGENCY), DebugLevel.parse("Emergency"));
        assertEquals(Level.ERROR, DebugLevel.CRITICAL.threshold);
        assertEquals(Level.WARN, DebugLevel.WARNING.threshold);
        assertEquals(Level.INFO, DebugLevel.NOTICE.threshold);
        assertEquals(Level.DEBUG, DebugLevel.DEBUG.threshold);
    }

    @Test
    void emptyIsTheDefaultNotice() {
        assertEquals(Optional.of(DebugLevel.NOTICE), DebugLevel.parse(""));
        assertEquals(Optional.of(DebugLevel.NOTICE), DebugLevel.parse(null));
        assertEquals(DebugLevel.NOTICE, DebugLevel.DEFAULT);
    }

    @Test
    void theOlderTemplatesNumbers() {
        assertEquals(Optional.of(DebugLevel.NOTICE), DebugLevel.parse("0"));
        assertEquals(Optional.of(DebugLevel.INFO), DebugLevel.parse("1"));
        assertEquals(Optional.of(DebugLevel.DEBUG), DebugLevel.parse("2"));
        assertEquals(Optional.of(DebugLevel.DEBUG), DebugLevel.parse("3"));
    }

    @Test
    void anythingElseIsNoLevel() {
        assertTrue(DebugLevel.parse("4").isEmpty());
        assertTrue(DebugLevel.parse("verbose").isEmpty());
        assertTrue(DebugLevel.parse("TRACE").isEmpty());
    }
}
