package org.mppfw.upgrade.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.crypto.ManifestSignatures;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.device.DeviceProperties;
import org.mppfw.api.firmware.FirmwareListener;
import org.mppfw.api.firmware.FirmwareService;
import org.mppfw.api.firmware.FirmwareSets;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.api.firmware.RollbackResult;
import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.api.line.LineState;
import org.mppfw.api.line.LineStateListener;
import org.mppfw.api.power.Power;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningListener;
import org.mppfw.api.provisioning.ProvisioningLog;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.transport.Transport;
import org.mppfw.layout.LaunchProperties;
import org.mppfw.upgrade.internal.engine.BootFacts;
import org.mppfw.upgrade.internal.engine.Services;
import org.mppfw.upgrade.internal.engine.UpgradeEngine;
import org.mppfw.upgrade.internal.swap.BundleSwapper;
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
 * The firmware service's component: the edge between DS and {@link UpgradeEngine}. It reads what
 * the launcher says about this boot, feeds the engine's service slots from its dynamic references,
 * creates the engine's one thread, and hands the listeners' calls on.
 * <p>
 * The parameter store, the identity and the clock are static references: a swap of the config
 * bundle restarts this component (the engine's timers run on that bundle's clock), and the next
 * instance takes over through the engine's hand-over. The other services are dynamic, so that an
 * upgrade that replaces crypto, provisioning, power or a transport goes on in the same instance.
 */
@Component(service = {FirmwareService.class, ParameterListener.class, ProvisioningListener.class,
    LineStateListener.class}, immediate = true,
        property = {ParameterListener.NAMES + "=Upgrade_Rule", ParameterListener.NAMES + "=Upgrade_Enable"})
public final class UpgradeComponent implements FirmwareService, ParameterListener, ProvisioningListener, LineStateListener {

    /** The engine thread's name. */
    static final String THREAD = "mppfw-upgrade";
    /** How long a phone stopping to give up a set on trial waits for the upgrade thread's state record. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeComponent.class);

    private final Services services;
    private final ExecutorService executor;
    private final UpgradeEngine engine;

    @Activate
    public UpgradeComponent(@Reference ParameterStore store, @Reference DeviceIdentity identity, @Reference Clock clock,
            BundleContext context) {
        this.services = Services.of(store, identity, clock);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, THREAD);
            t.setDaemon(true);
            return t;
        });
        BundleSwapper swapper = new BundleSwapper(context);
        this.engine = new UpgradeEngine(services, bootFacts(context), swapper, executor, new SecureRandom());
        engine.start(!swapper.bootComplete());
    }

    static BootFacts bootFacts(BundleContext context) {
        String home = context.getProperty(LaunchProperties.HOME);
        return new BootFacts(home == null ? null : Path.of(home),
                Path.of(context.getProperty(DeviceProperties.DATA_DIR)),
                FirmwareVersion.parse(property(context, DeviceProperties.FIRMWARE_VERSION, "0-0-0-0")),
                context.getProperty(LaunchProperties.FIRMWARE_SET),
                Boolean.parseBoolean(context.getProperty(LaunchProperties.FIRMWARE_TRIAL)),
                Integer.parseInt(property(context, LaunchProperties.START_LEVEL, "0")),
                Duration.ofMillis(Long.parseLong(property(context, LaunchProperties.HEALTH_TIMEOUT_MS, "30000"))),
                DeviceProperties.commandRun(context.getProperty(DeviceProperties.BOOT_MODE)));
    }

    private static String property(BundleContext context, String name, String otherwise) {
        return Optional.ofNullable(context.getProperty(name)).orElse(otherwise).trim();
    }

    @Deactivate
    void deactivate() {
        engine.stop();
        // never interrupt: a swap under way must reach a whole set whatever happens to this component
        executor.shutdown();
        if (engine.givingUp() && !Thread.currentThread().getName().equals(THREAD)) {
            // the phone stops for the reboot that gives up a set on trial: let the state record
            // that clears the trial be written first
            try {
                if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("the upgrade thread is still busy after {} s; stopping all the same", STOP_WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    UpgradeEngine engine() {
        return engine;
    }

    // ---- references

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTransport(Transport t, Map<String, Object> props) {
        services.transports().add(t, props);
    }

    void removeTransport(Transport t) {
        services.transports().remove(t);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(FirmwareListener l) {
        engine.board().addListener(l);
    }

    void removeListener(FirmwareListener l) {
        engine.board().removeListener(l);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setSignatures(ManifestSignatures s) {
        services.signatures().set(s);
    }

    void unsetSignatures(ManifestSignatures s) {
        services.signatures().unset(s);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRules(ProvisioningRules r) {
        services.rules().set(r);
    }

    void unsetRules(ProvisioningRules r) {
        services.rules().unset(r);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setMacros(PhoneMacros m) {
        services.macros().set(m);
    }

    void unsetMacros(PhoneMacros m) {
        services.macros().unset(m);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setLineState(LineState l) {
        services.lines().set(l);
    }

    void unsetLineState(LineState l) {
        services.lines().unset(l);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setProvisioning(Provisioning p) {
        services.provisioning().set(p);
    }

    void unsetProvisioning(Provisioning p) {
        services.provisioning().unset(p);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setProvisioningLog(ProvisioningLog l) {
        services.log().set(l);
    }

    void unsetProvisioningLog(ProvisioningLog l) {
        services.log().unset(l);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setPower(Power p) {
        services.power().set(p);
    }

    void unsetPower(Power p) {
        services.power().unset(p);
    }

    // ---- the services this component offers, handed to the engine

    @Override
    public FirmwareVersion running() {
        return engine.firmware().running();
    }

    @Override
    public Optional<FirmwareVersion> previous() {
        return engine.firmware().previous();
    }

    @Override
    public FirmwareSets sets() {
        return engine.firmware().describe();
    }

    @Override
    public RollbackResult rollback() {
        return engine.rollback();
    }

    @Override
    public String lastResult() {
        return engine.board().now().lastResult();
    }

    @Override
    public UpgradeStatus status() {
        return engine.board().now();
    }

    @Override
    public boolean upgrade(String url) {
        return engine.upgrade(url);
    }

    @Override
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        engine.ruleChanged();
    }

    @Override
    public void statusChanged(ProvisioningStatus s) {
        engine.provisioningChanged(s);
    }

    @Override
    public void idleChanged(boolean allIdle) {
        engine.idleChanged(allIdle);
    }
}
