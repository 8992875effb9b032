package org.mppfw.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The system properties that logback ({@code etc/logback.xml}) reads when the logging bundle starts,
 * before anything logs: the configuration file, the ring's directory {@code <data>/log}, the console's
 * level (warn, {@code -v} info, {@code -vv} debug) and the root level, the lower of the console's and
 * the ring's (a line below both is never formatted). A property given on the command line wins,
 * except the console's level, which {@code -v}/{@code -vv} raise.
 */
final class LogSetup {

    static final String CONFIG = "etc/logback.xml";
    static final String LOGBACK_CONFIG = "logback.configurationFile";
    static final String DIR = "mppfw.log.dir";
    static final String CONSOLE = "mppfw.log.console";
    static final String RING = "mppfw.log.ring";
    static final String ROOT = "mppfw.log.root";
    /** The ring's level until the phone reads {@code Debug_Level} (NOTICE, its default, is info). */
    static final String RING_DEFAULT = "INFO";

    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private LogSetup() {
    }

    static void configure(Path image, Path dataDir, int verbosity) {
        setDefault(LOGBACK_CONFIG, image.resolve(CONFIG).toString());
        setDefault(DIR, dataDir.resolve("log").toString());
        if (verbosity > 0) {
            System.setProperty(CONSOLE, verbosity > 1 ? "DEBUG" : "INFO");
        } else {
            setDefault(CONSOLE, "WARN");
        }
        setDefault(RING, RING_DEFAULT);
        System.setProperty(ROOT, lower(System.getProperty(CONSOLE), System.getProperty(RING)));
        olderSets(System.getProperty(CONSOLE));
        // some bundles (SPI Fly, JLine) log through java.util.logging: the console's threshold
        java.util.logging.Logger.getLogger("").setLevel(verbosity > 0 ? java.util.logging.Level.INFO
                : java.util.logging.Level.WARNING);
    }

    /**
     * A firmware set of an earlier release (a fallback, a set on trial) logs with slf4j-simple, which
     * reads its own properties: the console as those releases showed it (no ring).
     */
    private static void olderSets(String console) {
        String simple = "org.slf4j.simpleLogger.";
        System.setProperty(simple + "defaultLogLevel", console.trim().toLowerCase(Locale.ROOT));
        setDefault(simple + "logFile", "System.err");
        setDefault(simple + "showDateTime", "true");
        setDefault(simple + "dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
        setDefault(simple + "showThreadName", "false");
        setDefault(simple + "showShortLogName", "true");
        setDefault(simple + "levelInBrackets", "true");
    }

    /** The more verbose of two logback level names (an unknown name counts as DEBUG, logback's own default). */
    static String lower(String a, String b) {
        return LEVELS.get(Math.min(rank(a), rank(b)));
    }

    private static int rank(String level) {
        int i = LEVELS.indexOf(level == null ? "" : level.trim().toUpperCase(Locale.ROOT));
        return i < 0 ? LEVELS.indexOf("DEBUG") : i;
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
