package org.mppfw.log.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.FileAppender;

/** The ring's level set live on a logback context laid out as the image's etc/logback.xml lays it. */
class RingTest {

    @TempDir
    Path dir;

    private LoggerContext context;
    private Path file;

    @BeforeEach
    void ring() {
        context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        file = dir.resolve("phone.log");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n");
        encoder.start();
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setLevel("INFO");
        threshold.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(Ring.APPENDER);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.addFilter(threshold);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private String log() throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void theNextLinesFollowTheLevel() throws IOException {
        Ring ring = Ring.of(context, Level.WARN).orElseThrow();
        assertEquals(file, ring.file());
        org.slf4j.Logger log = context.getLogger("org.mppfw.some.Thing");

        log.debug("debug one");
        log.info("info one");
        assertFalse(log().contains("debug one"));
        assertTrue(log().contains("info one"), log());

        ring.setLevel(DebugLevel.DEBUG.threshold);
        log.debug("debug two");
        assertTrue(log().contains("DEBUG debug two"), log());

        ring.setLevel(DebugLevel.ERROR.threshold);
        log.warn("warn three");
        log.error("error three");
        assertFalse(log().contains("warn three"));
        assertTrue(log().contains("ERROR error three"));
    }

    @Test
    void theRootLevelIsTheLowerOfTheRingsAndTheConsoles() {
        Ring ring = Ring.of(context, Level.WARN).orElseThrow();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ring.setLevel(Level.DEBUG);
        assertEquals(Level.DEBUG, root.getLevel());
        ring.setLevel(Level.ERROR);
        assertEquals(Level.WARN, root.getLevel(), "the console still shows warnings");
        Ring.of(context, Level.DEBUG).orElseThrow().setLevel(Level.ERROR);
        assertEquals(Level.DEBUG, root.getLevel(), "-vv: the console shows debug lines");
    }

    @Test
    void noRingWithoutTheAppender() {
        assertTrue(Ring.of(new LoggerContext(), Level.WARN).isEmpty());
    }
}
