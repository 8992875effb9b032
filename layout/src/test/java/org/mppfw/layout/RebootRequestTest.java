package org.mppfw.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebootRequestTest {

    @TempDir
    Path data;

    @Test
    void aRequestIsTakenOnce() throws Exception {
        assertFalse(RebootRequest.pending(data));
        assertTrue(RebootRequest.take(data).isEmpty());
        Instant t = Instant.parse("2026-12-07T08:00:00Z");
        new RebootRequest("trial-given-up", "firmware 12-0-2MPP0001-1 failed its check", t).write(data);
        assertTrue(RebootRequest.pending(data));
        RebootRequest r = RebootRequest.take(data).orElseThrow();
        assertEquals("trial-given-up", r.reason());
        assertEquals("firmware 12-0-2MPP0001-1 failed its check", r.detail());
        assertEquals(t, r.time());
        assertFalse(RebootRequest.pending(data));
        assertTrue(RebootRequest.take(data).isEmpty());
    }

    @Test
    void anUnreadableRequestIsDroppedNotFatal() throws Exception {
        Files.createDirectories(data.resolve(RebootRequest.FILE).getParent());
        Files.writeString(data.resolve(RebootRequest.FILE), "detail=no reason\n");
        assertTrue(RebootRequest.take(data).isEmpty());
        assertFalse(RebootRequest.pending(data));
    }
}
