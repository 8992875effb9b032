package org.mppfw.provisioning.internal;

import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.provisioning.internal.syslog.SyslogSender;

/**
 * The phone's {@code Log_*} lines at a severity of the caller's choosing: the resync engine's
 * own ({@code Log_Request_Msg} and {@code Log_Success_Msg} as info, {@code Log_Failure_Msg} as a
 * notice), where other bundles use {@link org.mppfw.api.provisioning.ProvisioningLog}. Provided by
 * {@link ProvisioningLogService}, which owns the syslog socket.
 */
public interface LogLines {

    /**
     * Expands the message of a {@code Log_*} parameter, logs it, and sends it to
     * {@code Syslog_Server}.
     *
     * @param macros every macro value of the event: the phone's with the event's over them
     * @return the expanded message, empty when the parameter is blank (nothing sent)
     */
    String send(String parameter, SyslogSender.Severity severity, MacroSource macros);
}
