package org.mppfw.sip.internal;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.core.CommonLogger;
import gov.nist.core.StackLogger;

/**
 * The SIP stack's logger: what it reports goes to the phone's log at the stack's own levels
 * (its debug and trace chatter only at debug). Given to the stack by class name
 * ({@code gov.nist.javax.sip.STACK_LOGGER}) and set as its default logger before the stack starts,
 * so that the stack never loads its log4j 1.x logger.
 */
public final class StackLog implements StackLogger {

    private static final Logger LOG = LoggerFactory.getLogger("org.mppfw.sip.stack");

    /** Makes this the stack's default logger, unless one is set. */
    static synchronized void install() {
        if (CommonLogger.legacyLogger == null) {
            CommonLogger.legacyLogger = new StackLog();
        }
    }

    @Override
    public void logStackTrace() {
        // stack traces of the stack's own call paths are not kept
    }

    @Override
    public void logStackTrace(int level) {
        // as above
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable t) {
        LOG.warn("SIP stack: {}", t.toString());
        LOG.debug("SIP stack exception", t);
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(message);
    }

    @Override
    public void logDebug(String message, Exception e) {
        LOG.debug(message, e);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message) {
        LOG.warn(message);
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isInfoEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int level) {
        if (level >= TRACE_TRACE) {
            return LOG.isTraceEnabled();
        }
        if (level >= TRACE_DEBUG) {
            return LOG.isDebugEnabled();
        }
        return level > TRACE_NONE && LOG.isInfoEnabled();
    }

    @Override
    public void logError(String message, Exception e) {
        LOG.warn(message + ": " + e);
        LOG.debug(message, e);
    }

    @Override
    public void logWarning(String message) {
        LOG.debug(message); // its warnings are about its defaults (TLS key stores the phone does not use)
    }

    @Override
    public void logInfo(String message) {
        LOG.debug(message);
    }

    @Override
    public void disableLogging() {
        // the phone's log configuration decides
    }

    @Override
    public void enableLogging() {
        // as above
    }

    @Override
    public void setBuildTimeStamp(String stamp) {
        // not logged
    }

    @Override
    public void setStackProperties(Properties properties) {
        // nothing to read from them
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
