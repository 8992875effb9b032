package org.mppfw.log.internal;

import java.net.URL;
import java.nio.file.Path;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;

/**
 * The image's logging for a launcher that did not configure logback: a launcher of a release
 * before the ring, whose phone took this bundle in an upgrade (a {@code .loads} carries bundles, not
 * the launcher's {@code etc/logback.xml}). logback then runs with its default configuration (every
 * line on the console, no ring). This bundle carries the same {@code logback.xml} as the image (the
 * build copies the one file) and applies it with the ring in {@code <data>/log}, as the launcher
 * would have; the lines before this bundle started went to the console only.
 */
final class UnconfiguredLog {

    /** The system property a launcher of this release sets to {@code etc/logback.xml}. */
    static final String LOGBACK_CONFIG = "logback.configurationFile";
    static final String RESOURCE = "logback.xml";

    private UnconfiguredLog() {
    }

    /** Whether the launcher left logback to its default configuration. */
    static boolean unconfigured() {
        return System.getProperty(LOGBACK_CONFIG) == null;
    }

    /**
     * Applies the image's configuration to {@code context}, its ring in {@code logDir}, the console
     * at warnings and the root at info (the launcher's defaults).
     *
     * @throws JoranException if the configuration cannot be applied (the context keeps logback's
     *                        default then)
     */
    static void configure(LoggerContext context, Path logDir) throws JoranException {
        URL config = UnconfiguredLog.class.getResource(RESOURCE);
        if (config == null) {
            throw new JoranException("the bundle's " + RESOURCE + " is missing");
        }
        context.reset();
        context.putProperty("mppfw.log.dir", logDir.toString());
        context.putProperty(PhoneLog.CONSOLE, "WARN");
        context.putProperty("mppfw.log.ring", "INFO");
        context.putProperty("mppfw.log.root", "INFO");
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(config);
    }
}
