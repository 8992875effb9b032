package org.mppfw.provisioning.internal;

import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceProperties;
import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.line.LineState;
import org.mppfw.api.profile.ProfileCodec;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningListener;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.service.ServiceSlot;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.Transports;
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
 * The phone's resync engine as a component: it keeps the engine's transport table and service
 * slots current as services come and go, gives the engine its thread ({@code mppfw-resync}), and
 * hands the {@link Provisioning} calls to it. The profile decoder, the transports, discovery and
 * the line state are dynamic references: a firmware upgrade that replaces their bundles swaps them
 * under a running engine, which keeps its schedule and history (a resync in the moment between the
 * two waits for the new decoder).
 *
 * <p>Once, when the first profile has been applied, it logs how long after the JVM started
 * ({@code bench/first-resync.sh} reads that line).
 */
@Component(service = {Provisioning.class, ParameterListener.class}, immediate = true,
        property = ParameterListener.NAMES + "=Provision_Enable")
public final class ResyncComponent implements Provisioning, ParameterListener {

    private static final Logger LOG = LoggerFactory.getLogger(ResyncComponent.class);

    private final Transports transports = new Transports();
    private final ServiceSlot<ProfileCodec> codec = new ServiceSlot<>("profile decoder");
    private final ServiceSlot<Discovery> discovery = new ServiceSlot<>("discovery");
    private final ServiceSlot<LineState> lines = new ServiceSlot<>("line state");
    private final boolean powerOn;
    private final ExecutorService thread;
    private final ResyncEngine engine;
    /** Engine thread only. */
    private boolean firstProfileReported;

    @Activate
    public ResyncComponent(@Reference ParameterStore store, @Reference Clock clock, @Reference ProvisioningRules rules,
            @Reference PhoneMacros macros, @Reference LogLines log, BundleContext context) {
        // a command run (mppfw -c) is not a power-on: no power-up resync; one a command asks for runs
        this.powerOn = !DeviceProperties.commandRun(context.getProperty(DeviceProperties.BOOT_MODE));
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mppfw-resync");
            t.setDaemon(true);
            return t;
        });
        this.engine = new ResyncEngine(new ResyncEngine.Services(store, clock, rules, macros, log, transports, codec,
                discovery, lines), thread, new SecureRandom());
        engine.addListener(this::reportFirstProfile);
    }

    /** Runs once the references present are bound. */
    @Activate
    void activate() {
        if (powerOn) {
            engine.powerUp();
        } else {
            LOG.info("command run: no power-up resync");
        }
    }

    @Deactivate
    void deactivate() {
        engine.stop();
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reportFirstProfile(ProvisioningStatus s) {
        if (!firstProfileReported && s.lastAttempt().filter(r -> r.success() && !r.steps().isEmpty()).isPresent()) {
            firstProfileReported = true;
            // the JVM's own start time: the process start time of /proc has a resolution of a second
            long start = ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("first profile applied {} ms after JVM start", System.currentTimeMillis() - start);
        }
    }

    // ---- references -------------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCodec(ProfileCodec c) {
        codec.set(c);
    }

    void unsetCodec(ProfileCodec c) {
        codec.unset(c);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTransport(Transport t, Map<String, Object> props) {
        transports.add(t, props);
    }

    void removeTransport(Transport t, Map<String, Object> props) {
        transports.remove(t);
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
    void setLineState(LineState l) {
        lines.set(l);
    }

    void unsetLineState(LineState l) {
        lines.unset(l);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ProvisioningListener l) {
        engine.addListener(l);
    }

    void removeListener(ProvisioningListener l) {
        engine.removeListener(l);
    }

    // ---- the Provisioning service, handed to the engine ---------------------------------------

    @Override
    public ProvisioningStatus status() {
        return engine.status();
    }

    @Override
    public List<ResyncRecord> history() {
        return engine.history();
    }

    @Override
    public boolean resync() {
        return engine.resync();
    }

    @Override
    public boolean resync(String rule) {
        return engine.resync(rule);
    }

    @Override
    public void profileAccount(String user, char[] password) {
        engine.profileAccount(user, password);
    }

    @Override
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        engine.parametersChanged(changes, source);
    }
}
