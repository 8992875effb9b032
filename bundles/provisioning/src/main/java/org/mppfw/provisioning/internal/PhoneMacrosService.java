package org.mppfw.provisioning.internal;

import java.net.Inet4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceCertificate;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.discovery.CustomizationState;
import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.discovery.RemoteCustomization;
import org.mppfw.api.firmware.FirmwareService;
import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.api.line.LineRegistration;
import org.mppfw.api.line.LineState;
import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.ProvisioningListener;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.service.ServiceSlot;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The phone's macro values, one snapshot of the parameters at each {@link #now()}:
 * <ul>
 * <li>{@code $MA $MAU $MAC $PN $PSN $SN $SERIAL_NUMBER $HWVER $SWVER $VERSION} from the device
 * identity ({@code $PN} = {@code CP-8845-3PCC}, {@code $PSN} = {@code 8845-3PCC}, {@code $VERSION}
 * = {@code Cisco-CP-8845-3PCC/12.0.1}, the User-Agent's);</li>
 * <li>{@code $A..$P} and {@code $SA..$SD}, the GPP registers; per line n (1 to 10):
 * {@code $UIDn} from {@code User_ID_n_}, {@code $DISPLAYNAMEn} from {@code Display_Name_n_},
 * {@code $AUTHIDn} from {@code Auth_ID_n_}, {@code $PROXYn} from {@code Proxy_n_}; a line the model
 * lacks, or a parameter the catalog lacks, has no value;</li>
 * <li>{@code $PRVTMR}: seconds since the last resync attempt, since power-up before the first. It
 * is a {@link ProvisioningListener}: an attempt starts when the engine's status turns
 * {@code RESYNCING};</li>
 * <li>{@code $UPGTMR} likewise for upgrade attempts, with {@code $UPGST} and {@code $UPGERR},
 * from the firmware service (since power-up, 1 and empty when it does not run);</li>
 * <li>{@code $ISCUST}: 1 once remote customization is done (Acquired or GDS-Acquired), else 0;</li>
 * <li>{@code $CCERT}: {@code Installed} while the phone has a device certificate
 * ({@link DeviceCertificate}), else {@code Not Installed};</li>
 * <li>{@code $EXTIP}: empty, since the phone has no NAT mapping or STUN to learn its external
 * address from; {@code $UPGCOND}: {@code true}, as the legacy name has expanded since SPA
 * firmware 2.0.6.</li>
 * <li>{@code $IP}: the phone's IPv4 address from discovery (the lease's in mode dhcp), no value
 * while it has none.</li>
 * <li>{@code $REGTMR1}, {@code $REGTMR2}: 0 while line 1 (2) is registered, else the seconds since
 * it lost its registration (or since power-up when it never had one), from the line state
 * service; seconds since power-up while there is none.</li>
 * </ul>
 * A name found nowhere has no value.
 */
@Component(service = {PhoneMacros.class, ProvisioningListener.class}, immediate = true)
public final class PhoneMacrosService implements PhoneMacros, ProvisioningListener {

    private final ParameterStore store;
    private final DeviceIdentity identity;
    private final Clock clock;
    private final Instant poweredUp;
    private final ServiceSlot<FirmwareService> firmware = new ServiceSlot<>("firmware service");
    private final ServiceSlot<RemoteCustomization> customization = new ServiceSlot<>("remote customization");
    private final ServiceSlot<DeviceCertificate> certificate = new ServiceSlot<>("device certificate");
    private final ServiceSlot<Discovery> discovery = new ServiceSlot<>("discovery");
    private final ServiceSlot<LineState> lines = new ServiceSlot<>("line state");
    private volatile Instant lastResync;

    @Activate
    public PhoneMacrosService(@Reference ParameterStore store, @Reference DeviceIdentity identity, @Reference Clock clock) {
        this.store = store;
        this.identity = identity;
        this.clock = clock;
        this.poweredUp = clock.now();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setFirmware(FirmwareService f) {
        firmware.set(f);
    }

    void unsetFirmware(FirmwareService f) {
        firmware.unset(f);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCustomization(RemoteCustomization rc) {
        customization.set(rc);
    }

    void unsetCustomization(RemoteCustomization rc) {
        customization.unset(rc);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCertificate(DeviceCertificate c) {
        certificate.set(c);
    }

    void unsetCertificate(DeviceCertificate c) {
        certificate.unset(c);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setDiscovery(Discovery d) {
        discovery.set(d);
    }

    void unsetDiscovery(Discovery d) {
        discovery.unset(d);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setLines(LineState l) {
        lines.set(l);
    }

    void unsetLines(LineState l) {
        lines.unset(l);
    }

    @Override
    public void statusChanged(ProvisioningStatus status) {
        if (status.state() == ProvisioningStatus.State.RESYNCING) {
            lastResync = clock.now();
        }
    }

    @Override
    public MacroSource now() {
        Map<String, String> parameters = Map.copyOf(store.values());
        Map<String, String> state = Map.copyOf(state(clock.now()));
        return name -> value(name, state, parameters);
    }

    private Map<String, String> state(Instant now) {
        Map<String, String> m = new HashMap<>();
        Instant resync = lastResync;
        m.put("PRVTMR", Long.toString(Duration.between(resync == null ? poweredUp : resync, now).toSeconds()));
        UpgradeStatus u = firmware.get().map(FirmwareService::status).orElse(null);
        Instant upg = u == null || u.lastAttempt() == null ? poweredUp : u.lastAttempt();
        m.put("UPGTMR", Long.toString(Math.max(0, Duration.between(upg, now).toSeconds())));
        m.put("UPGST", Integer.toString(u == null ? 1 : u.upgst()));
        m.put("UPGERR", u == null ? "" : u.lastResult());
        boolean customized = customization.get().map(RemoteCustomization::state)
                .map(st -> st == CustomizationState.ACQUIRED || st == CustomizationState.GDS_ACQUIRED).orElse(false);
        m.put("ISCUST", customized ? "1" : "0");
        boolean installed = certificate.get().map(DeviceCertificate::installed).orElse(false);
        m.put("CCERT", installed ? "Installed" : "Not Installed");
        m.put("EXTIP", "");
        m.put("UPGCOND", "true");
        List<LineRegistration> regs = lines.get().map(LineState::registrations).orElse(List.of());
        for (int n = 1; n <= 2; n++) {
            m.put("REGTMR" + n, Long.toString(regtmr(n, regs, now)));
        }
        return m;
    }

    /** 0 while line n is registered, else the seconds since it lost it (since power-up at most). */
    private long regtmr(int n, List<LineRegistration> regs, Instant now) {
        for (LineRegistration r : regs) {
            if (r.extension() == n) {
                if (r.status() == LineRegistration.Status.REGISTERED) {
                    return 0;
                }
                Instant since = r.since().isBefore(poweredUp) ? poweredUp : r.since();
                return Math.max(0, Duration.between(since, now).toSeconds());
            }
        }
        return Math.max(0, Duration.between(poweredUp, now).toSeconds());
    }

    private String value(String name, Map<String, String> state, Map<String, String> parameters) {
        String v = switch (name) {
            case "MA" -> identity.mac();
            case "MAU" -> identity.macUpper();
            case "MAC" -> identity.macWithColons();
            case "PN" -> identity.model();
            case "PSN" -> identity.productSeries();
            case "SN", "SERIAL_NUMBER" -> identity.serialNumber();
            case "HWVER" -> identity.hardwareVersion();
            case "SWVER" -> identity.firmwareVersion();
            case "VERSION" -> identity.productVersion();
            case "IP" -> discovery.get().flatMap(Discovery::address).map(Inet4Address::getHostAddress).orElse(null);
            default -> state.get(name);
        };
        if (v != null) {
            return v;
        }
        if (name.length() == 1 || Macros.isSecret(name)) {
            return parameters.get("GPP_" + name);
        }
        String line = Macros.lineParameter(name);
        return line == null ? null : parameters.get(line);
    }
}
