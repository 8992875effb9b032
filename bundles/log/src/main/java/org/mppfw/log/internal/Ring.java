package org.mppfw.log.internal;

import java.nio.file.Path;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;

/**
 * The ring of log files as logback holds it ({@code etc/logback.xml} of the image): the root
 * logger's appender {@value #APPENDER}, whose threshold filter decides what reaches the files.
 * Changing the ring's level also moves the root level to the lower of the ring's and the
 * console's, so that a line below both is never formatted.
 */
final class Ring {

    static final String APPENDER = "RING";

    private final Logger root;
    private final FileAppender<ILoggingEvent> appender;
    private final ThresholdFilter threshold;
    private final Level console;

    private Ring(Logger root, FileAppender<ILoggingEvent> appender, ThresholdFilter threshold, Level console) {
        this.root = root;
        this.appender = appender;
        this.threshold = threshold;
        this.console = console;
    }

    /** The ring of a logger context, if its root logs to one; {@code console} is the console's level. */
    static Optional<Ring> of(LoggerContext context, Level console) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> a = root.getAppender(APPENDER);
        if (!(a instanceof FileAppender)) {
            return Optional.empty();
        }
        for (Filter<ILoggingEvent> f : a.getCopyOfAttachedFiltersList()) {
            if (f instanceof ThresholdFilter) {
                return Optional.of(new Ring(root, (FileAppender<ILoggingEvent>) a, (ThresholdFilter) f, console));
            }
        }
        return Optional.empty();
    }

    /** Lets lines of {@code level} and above into the ring from now on. */
    void setLevel(Level level) {
        threshold.setLevel(level.levelStr);
        root.setLevel(level.isGreaterOrEqual(console) ? console : level);
    }

    /** The current file ({@code phone.log}); its predecessors are {@code phone.log.1} (newest) and on. */
    Path file() {
        return Path.of(appender.getFile());
    }
}
