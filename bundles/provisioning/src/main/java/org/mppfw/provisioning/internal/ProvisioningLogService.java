package org.mppfw.provisioning.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.ProvisioningLog;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.provisioning.internal.syslog.SyslogSender;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone's provisioning log: a {@code Log_*} message expanded with the phone's macros
 * ({@link PhoneMacros}) and the event's, logged, and sent to {@code Syslog_Server} with the
 * expanded {@code Syslog_Identifier} (unless it is {@code None}). One syslog socket for the
 * phone, whoever logs: the resync engine ({@link LogLines}), the upgrade (through
 * {@link ProvisioningLog}, failures as warnings, the rest as notices).
 */
@Component(service = {ProvisioningLog.class, LogLines.class})
public final class ProvisioningLogService implements ProvisioningLog, LogLines {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningLogService.class);

    private final ParameterStore store;
    private final Clock clock;
    private final ProvisioningRules rules;
    private final PhoneMacros phoneMacros;
    private final SyslogSender syslog;

    @Activate
    public ProvisioningLogService(@Reference ParameterStore store, @Reference Clock clock,
            @Reference ProvisioningRules rules, @Reference PhoneMacros macros) throws IOException {
        this.store = store;
        this.clock = clock;
        this.rules = rules;
        this.phoneMacros = macros;
        this.syslog = new SyslogSender();
    }

    @Deactivate
    void close() {
        syslog.close();
    }

    @Override
    public String log(String parameter, boolean failure, Map<String, String> macros) {
        Map<String, String> event = new HashMap<>();
        macros.forEach((k, v) -> {
            if (v != null) { // a null value is no value: the phone's own, if any, stays
                event.put(k, v);
            }
        });
        return send(parameter, failure ? SyslogSender.Severity.WARNING : SyslogSender.Severity.NOTICE,
                phoneMacros.now().with(event));
    }

    @Override
    public String log(String parameter, boolean failure, String url, String err) {
        Map<String, String> m = UrlMacros.of(url);
        m.put("ERR", err == null ? "" : err);
        return log(parameter, failure, m);
    }

    @Override
    public String send(String parameter, SyslogSender.Severity severity, MacroSource macros) {
        String template = Params.get(store, parameter);
        if (Params.blank(template)) {
            return "";
        }
        String text = rules.expand(template, macros);
        LOG.info("{}", text);
        String server = Params.get(store, "Syslog_Server");
        if (!Params.blank(server)) {
            String ident = Params.get(store, "Syslog_Identifier");
            String id = Params.blank(ident) || ident.equalsIgnoreCase("None") ? null : rules.expand(ident, macros);
            syslog.send(server, severity, clock.now(), clock.zone(), id, text);
        }
        return text;
    }
}
