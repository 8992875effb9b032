package org.mppfw.api.provisioning;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The phone's provisioning log lines: expands the message of a {@code Log_*} parameter (for
 * example {@code Log_Upgrade_Failure_Msg}) with the phone's macros and the given ones, logs it,
 * and sends it to {@code Syslog_Server} (RFC 3164 over UDP), as resyncs do with theirs.
 */
@ProviderType
public interface ProvisioningLog {

    /**
     * @param parameter the {@code Log_*} parameter whose value is the message template
     * @param failure   whether it reports a failure (sent as a warning, else as a notice)
     * @param macros    macro values of the event ({@code SCHEME}, {@code SERV}, {@code SERVIP},
     *                  {@code PORT}, {@code PATH}, {@code ERR}); they win over the phone's
     * @return the expanded message, empty when the parameter is blank (nothing sent)
     */
    String log(String parameter, boolean failure, Map<String, String> macros);

    /**
     * Logs an event about a URL: {@code $SCHEME $METH $SERV $SERVIP $PORT $PATH} are the URL's
     * parts (all empty when it does not parse), {@code $ERR} the given text.
     *
     * @param url the URL the event is about
     * @param err the value of {@code $ERR}: the result or the error, may be empty
     * @return the expanded message, empty when the parameter is blank (nothing sent)
     * @since 1.3
     */
    String log(String parameter, boolean failure, String url, String err);
}
