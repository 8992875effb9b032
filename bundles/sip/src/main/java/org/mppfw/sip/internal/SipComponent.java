package org.mppfw.sip.internal;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.device.DeviceProperties;
import org.mppfw.api.discovery.NetworkListener;
import org.mppfw.api.display.Display;
import org.mppfw.api.display.Indicators;
import org.mppfw.api.line.Call;
import org.mppfw.api.line.CallListener;
import org.mppfw.api.line.LineRegistration;
import org.mppfw.api.line.LineState;
import org.mppfw.api.line.LineStateListener;
import org.mppfw.api.power.Power;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.report.Reports;
import org.mppfw.api.service.ServiceSlot;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone's SIP lines as a service: the {@link LineState} the resync and upgrade engines wait
 * on, kept from the calls of {@link Phone}; the registration icon of line 1 on the LCD; the
 * services a NOTIFY acts through. The parameter store, clock and identity are static references
 * (a swap of their bundle restarts the lines: unregister, register again); the others are dynamic.
 */
@Component(service = {LineState.class, ParameterListener.class, NetworkListener.class, SipComponent.class},
        immediate = true)
public final class SipComponent implements LineState, ParameterListener, NetworkListener {

    private static final Logger LOG = LoggerFactory.getLogger(SipComponent.class);

    private final ServiceSlot<Provisioning> provisioning = new ServiceSlot<>("provisioning");
    private final ServiceSlot<Power> power = new ServiceSlot<>("power");
    private final ServiceSlot<Reports> reports = new ServiceSlot<>("reports");
    private final ServiceSlot<Display> display = new ServiceSlot<>("display");
    private final ServiceSlot<PhoneMacros> macros = new ServiceSlot<>("phone macros");
    private final ServiceSlot<ProvisioningRules> rules = new ServiceSlot<>("provisioning rules");
    private final List<LineStateListener> listeners = new CopyOnWriteArrayList<>();
    private final List<CallListener> callListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "mppfw-sip"));
    private final Phone phone;
    private final boolean commandRun;
    private volatile boolean idle = true;

    @Activate
    public SipComponent(@Reference ParameterStore store, @Reference Clock clock, @Reference DeviceIdentity identity,
            BundleContext context) {
        // a command run (mppfw -c) is not a power-on: its lines do not register
        this.commandRun = context != null && DeviceProperties.commandRun(context.getProperty(DeviceProperties.BOOT_MODE));
        phone = new Phone(store, clock, new UserAgentName(identity, macros, rules), worker, new Phone.Services() {
            @Override
            public java.util.Optional<Provisioning> provisioning() {
                return provisioning.get();
            }

            @Override
            public java.util.Optional<Power> power() {
                return power.get();
            }

            @Override
            public java.util.Optional<Reports> reports() {
                return reports.get();
            }
        }, this::callsChanged, this::registrationChanged);
        if (commandRun) {
            LOG.info("command run: the SIP lines do not register");
        } else {
            worker.execute(phone::apply);
        }
    }

    @Deactivate
    void deactivate() {
        if (worker.isShutdown()) {
            return;
        }
        worker.execute(phone::stop);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("SIP lines did not stop in 30 s");
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this is a command run, where the lines do not register. */
    boolean commandRun() {
        return commandRun;
    }

    /** The lines (the shell commands' way in). */
    Phone phone() {
        return phone;
    }

    @Override
    public boolean allIdle() {
        return phone.idle();
    }

    @Override
    public List<LineRegistration> registrations() {
        return phone.registrations();
    }

    @Override
    public List<Call> calls() {
        return phone.callList();
    }

    @Override
    public boolean answer(int extension) {
        return extension > 0 && calls().stream().anyMatch(c -> c.extension() == extension
                && c.state() == Call.State.RINGING) && phone.answer(extension).startsWith("ext ");
    }

    @Override
    public boolean hangup(int extension) {
        return extension > 0 && calls().stream().anyMatch(c -> c.extension() == extension)
                && phone.hangup(extension).startsWith("ext ");
    }

    @Override
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        if (!commandRun && changes.stream().anyMatch(c -> Phone.relevant(c.name()))) {
            worker.execute(phone::apply);
        }
    }

    /** The network came back or the address changed: every line registers again at once. */
    @Override
    public void addressChanged(Optional<Inet4Address> address) {
        if (!commandRun && address.isPresent() && !worker.isShutdown()) {
            worker.execute(phone::networkChanged);
        }
    }

    private void callsChanged() {
        List<Call> calls = phone.callList();
        for (CallListener l : callListeners) {
            tell(l, calls);
        }
        boolean now = phone.idle();
        if (now != idle) {
            idle = now;
            for (LineStateListener l : listeners) {
                try {
                    l.idleChanged(now);
                } catch (RuntimeException e) {
                    LOG.warn("line state listener failed: {}", e.toString());
                }
            }
        }
    }

    private static void tell(CallListener l, List<Call> calls) {
        try {
            l.callsChanged(calls);
        } catch (RuntimeException e) {
            LOG.warn("call listener failed: {}", e.toString());
        }
    }

    private void registrationChanged(LineRegistration r) {
        if (r.extension() != 1) {
            return;
        }
        display.get().ifPresent(d -> d.indicators(new Indicators(d.indicators().network(), icon(r))));
    }

    static Indicators.Registration icon(LineRegistration r) {
        return switch (r.status()) {
            case DISABLED -> Indicators.Registration.NONE;
            case REGISTERING -> Indicators.Registration.REGISTERING;
            case REGISTERED -> Indicators.Registration.REGISTERED;
            case FAILED -> Indicators.Registration.FAILED;
        };
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(LineStateListener l) {
        listeners.add(l);
    }

    void removeListener(LineStateListener l) {
        listeners.remove(l);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCallListener(CallListener l) {
        callListeners.add(l);
        tell(l, phone.callList()); // a listener that joins during a call learns it at once
    }

    void removeCallListener(CallListener l) {
        callListeners.remove(l);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setProvisioning(Provisioning p) {
        provisioning.set(p);
    }

    void unsetProvisioning(Provisioning p) {
        provisioning.unset(p);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setPower(Power p) {
        power.set(p);
    }

    void unsetPower(Power p) {
        power.unset(p);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setReports(Reports r) {
        reports.set(r);
    }

    void unsetReports(Reports r) {
        reports.unset(r);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setDisplay(Display d) {
        display.set(d);
        phone.registrations().stream().filter(r -> r.extension() == 1).findFirst().ifPresent(this::registrationChanged);
    }

    void unsetDisplay(Display d) {
        display.unset(d);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setMacros(PhoneMacros m) {
        macros.set(m);
    }

    void unsetMacros(PhoneMacros m) {
        macros.unset(m);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRules(ProvisioningRules r) {
        rules.set(r);
    }

    void unsetRules(ProvisioningRules r) {
        rules.unset(r);
    }
}
