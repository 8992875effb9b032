package org.mppfw.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.mppfw.sip.internal.NotifyEvent.Action;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * Fuzzes what a NOTIFY from the network goes through: the stack's message parser as a datagram
 * reaches it ({@link SafeParser}: a message is parsed or refused with a parse error, never an
 * unchecked exception that would end the stack's reader), then the reading of its {@code Event}
 * header. The build runs the inputs in {@code NotifyFuzzTestInputs/}; fuzzing needs
 * {@code JAZZER_FUZZ=1}.
 */
class NotifyFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void event(@NotNull String value) {
        NotifyEvent e = NotifyEvent.parse(value);
        assertNotNull(e);
        assertNotNull(e.profile());
        if (e.action() != Action.RESYNC) {
            assertEquals("", e.profile());
        }
        assertTrue(value.contains(e.profile()), e.profile());
        assertTrue(e.profile().chars().noneMatch(c -> c < 0x20 && c != '\t'), e.profile());
    }

    @FuzzTest(maxDuration = "60s")
    void message(byte @NotNull [] datagram) {
        var m = SafeParser.parse(datagram);
        if (m != null && m.getHeader("Event") instanceof gov.nist.javax.sip.header.SIPHeader h) {
            assertNotNull(NotifyEvent.parse(h.getHeaderValue()));
        }
    }
}
