package org.mppfw.launcher;

import java.io.PrintStream;

/**
 * The launcher's own messages, on stderr, prefixed {@code mppfw:}. The launcher runs before
 * (and outside) the framework's SLF4J, so it does not log through it. The framework's own log
 * comes here too (see {@link #felixLogger()}), so nothing but command output goes to stdout.
 */
final class Log {

    static final int WARN = 0;
    static final int INFO = 1;
    static final int DEBUG = 2;

    private static volatile int level = WARN;
    private static final PrintStream ERR = System.err;

    private Log() {
    }

    static void setLevel(int verbosity) {
        level = verbosity;
    }

    static boolean debug() {
        return level >= DEBUG;
    }

    static boolean info() {
        return level >= INFO;
    }

    static void warn(String message) {
        ERR.println("mppfw: warning: " + message);
    }

    static void error(String message) {
        ERR.println("mppfw: error: " + message);
    }

    static void info(String message) {
        if (level >= INFO) {
            ERR.println("mppfw: " + message);
        }
    }

    static void debug(String message) {
        if (level >= DEBUG) {
            ERR.println("mppfw: " + message);
        }
    }

    /** Prints the trace of {@code t} at debug level only. */
    static void debug(Throwable t) {
        if (level >= DEBUG && t != null) {
            t.printStackTrace(ERR);
        }
    }

    /** Felix's {@code felix.log.level} for our verbosity: errors, then warnings, then info. */
    static String felixLevel() {
        return String.valueOf(level + 1);
    }

    /** The framework's logger ({@code felix.log.logger}): its messages go to stderr, not stdout. */
    static org.apache.felix.framework.Logger felixLogger() {
        return new FelixLogger();
    }

    private static final class FelixLogger extends org.apache.felix.framework.Logger {
        private static final String[] LEVELS = {"", "ERROR", "WARNING", "INFO", "DEBUG"};

        @Override
        protected void doLog(int felixLevel, String message, Throwable t) {
            String name = felixLevel > 0 && felixLevel < LEVELS.length ? LEVELS[felixLevel] : "LOG";
            StringBuilder b = new StringBuilder("mppfw: framework ").append(name).append(": ").append(message);
            if (t != null && Log.level < Log.DEBUG) {
                b.append(" (").append(t).append(')');
            }
            ERR.println(b);
            Log.debug(t);
        }
    }
}
