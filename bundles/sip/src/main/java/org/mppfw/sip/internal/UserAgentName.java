package org.mppfw.sip.internal;

import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.service.ServiceSlot;

/**
 * The SIP User-Agent: {@code SIP_User_Agent_Name} (default {@code $VERSION}, which is
 * {@code Cisco-CP-8845-3PCC/12.0.1}, Cisco's form) with the phone's macros expanded by the
 * provisioning bundle's one expander ({@code $MA}, {@code $PSN}, {@code $SN}, ...). While that
 * bundle is being replaced, only {@code $VERSION} is expanded. Control characters are dropped.
 */
final class UserAgentName {

    static final String PARAMETER = "SIP_User_Agent_Name";
    static final String DEFAULT = "$VERSION";

    private final DeviceIdentity identity;
    private final ServiceSlot<PhoneMacros> macros;
    private final ServiceSlot<ProvisioningRules> rules;

    UserAgentName(DeviceIdentity identity, ServiceSlot<PhoneMacros> macros, ServiceSlot<ProvisioningRules> rules) {
        this.identity = identity;
        this.macros = macros;
        this.rules = rules;
    }

    /** The User-Agent of a template (blank: the default). */
    String expand(String template) {
        String t = template == null || template.isBlank() ? DEFAULT : template.trim();
        String out;
        if (macros.get().isPresent() && rules.get().isPresent()) {
            out = rules.get().get().expand(t, macros.get().get().now());
        } else {
            out = t.replace("$(VERSION)", identity.productVersion()).replace("$VERSION", identity.productVersion());
        }
        out = out.replaceAll("\\p{Cntrl}", "").trim();
        return out.isEmpty() ? identity.productVersion() : out;
    }
}
