package org.mppfw.provisioning.internal;

import java.util.Map;

import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.provisioning.MacroSource;

/**
 * Macro values from one snapshot of the parameter store and the device identity:
 * {@code $A..$P} and {@code $SA..$SD} are the GPP registers, {@code $UIDn} is {@code User_ID_n_},
 * {@code $MA $MAU $MAC $PN $PSN $SN $SERIAL_NUMBER $HWVER $SWVER} come from the identity
 * ({@code $PN} = {@code CP-8845-3PCC}, {@code $PSN} = {@code 8845-3PCC}). The provisioning state
 * ({@code $PRVTMR}, {@code $IP}, {@code $SCHEME}, ...) comes from {@code state}, which the engine
 * fills; a name found nowhere has no value.
 */
final class StoreMacroSource implements MacroSource {

    private final Map<String, String> parameters;
    private final DeviceIdentity identity;
    private final MacroSource state;

    StoreMacroSource(ParameterStore store, DeviceIdentity identity, MacroSource state) {
        this.parameters = Map.copyOf(store.values());
        this.identity = identity;
        this.state = state;
    }

    @Override
    public String value(String name) {
        String v = switch (name) {
            case "MA" -> identity.mac();
            case "MAU" -> identity.macUpper();
            case "MAC" -> identity.macWithColons();
            case "PN" -> identity.model();
            case "PSN" -> identity.productSeries();
            case "SN", "SERIAL_NUMBER" -> identity.serialNumber();
            case "HWVER" -> identity.hardwareVersion();
            case "SWVER" -> identity.firmwareVersion();
            default -> null;
        };
        if (v != null) {
            return v;
        }
        v = state.value(name);
        if (v != null) {
            return v;
        }
        if (name.length() == 1 || Macros.isSecret(name)) {
            return parameters.get("GPP_" + name);
        }
        if (name.startsWith("UID")) {
            return parameters.get("User_ID_" + name.substring(3) + "_");
        }
        return null;
    }
}
