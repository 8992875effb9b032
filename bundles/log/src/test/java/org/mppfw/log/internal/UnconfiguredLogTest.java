package org.mppfw.log.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;

/**
 * A launcher of an earlier release leaves logback unconfigured: the bundle's copy of the image's
 * logback.xml gives the phone its ring in the data dir, at the image's levels.
 */
class UnconfiguredLogTest {

    @TempDir
    Path data;

    @Test
    void theImagesConfigurationKeepsTheRingInTheDataDir() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as SLF4J's context has
        Path dir = data.resolve("log");
        UnconfiguredLog.configure(context, dir);
        Logger log = context.getLogger("org.mppfw.test");
        log.info("kept in the ring");
        log.debug("below the ring's level");
        String ring = Files.readString(dir.resolve("phone.log"));
        assertTrue(ring.contains("kept in the ring"), ring + context.getStatusManager().getCopyOfStatusList());
        assertFalse(ring.contains("below the ring's level"), ring);
        assertTrue(Ring.of(context, ch.qos.logback.classic.Level.WARN).isPresent(), "the ring Debug_Level drives");
        context.stop();
    }
}
