package org.mppfw.log.internal;

import java.util.List;
import java.util.Optional;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;

/** The phone's ring, found in the logback context SLF4J is bound to. */
final class PhoneLog {

    /** The console's level, as the launcher set it for {@code etc/logback.xml}. */
    static final String CONSOLE = "mppfw.log.console";

    private PhoneLog() {
    }

    /** The ring, unless SLF4J is bound to something else than logback or logback keeps no ring. */
    static Optional<Ring> ring() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            return Optional.empty();
        }
        return Ring.of((LoggerContext) factory, Level.toLevel(System.getProperty(CONSOLE), Level.WARN));
    }

    /**
     * logback's own errors (a ring it could not open, a broken configuration): it keeps them to
     * itself (etc/logback.xml prints none on stdout), so the phone logs them.
     */
    static List<String> problems() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            return List.of();
        }
        return ((LoggerContext) factory).getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.ERROR)
                .map(s -> s.getMessage() + (s.getThrowable() == null ? "" : " (" + s.getThrowable() + ")"))
                .toList();
    }
}
