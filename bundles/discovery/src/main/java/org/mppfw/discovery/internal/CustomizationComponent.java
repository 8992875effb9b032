package org.mppfw.discovery.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.device.DeviceProperties;
import org.mppfw.api.discovery.ActivationCode;
import org.mppfw.api.discovery.ActivationCodeListener;
import org.mppfw.api.discovery.CustomizationListener;
import org.mppfw.api.discovery.CustomizationState;
import org.mppfw.api.discovery.DiscoveryException;
import org.mppfw.api.discovery.RemoteCustomization;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningListener;
import org.mppfw.api.provisioning.ProvisioningStatus;
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

/**
 * Remote customization's component: the edge between DS and {@link CustomizationEngine}. It keeps
 * the engine's transport table, provisioning slot and {@link CustomizationListener}s current as
 * those services come and go, creates the engine's one thread ({@code mppfw-customization}), and
 * hands the calls on.
 *
 * <p>It takes the bundle's own {@link DiscoveryComponent}, not any {@code Discovery} service: what
 * it needs is whether discovery is on at all (its mode), which the {@code Discovery} contract does
 * not tell. The reference is static, so that a changed discovery configuration restarts this
 * component with it, and refused discovery settings keep it from starting.
 */
@Component(service = {RemoteCustomization.class, ProvisioningListener.class, ParameterListener.class,
    ActivationCodeListener.class}, immediate = true)
public final class CustomizationComponent implements RemoteCustomization, ProvisioningListener, ParameterListener,
        ActivationCodeListener {

    private final Transports transports = new Transports();
    private final ServiceSlot<Provisioning> provisioning = new ServiceSlot<>("provisioning");
    private final ExecutorService executor;
    private final CustomizationEngine engine;

    @Activate
    public CustomizationComponent(@Reference Clock clock, @Reference ParameterStore store, @Reference DeviceIdentity identity,
            @Reference DiscoveryComponent discovery, BundleContext context) {
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mppfw-customization");
            t.setDaemon(true);
            return t;
        });
        this.engine = new CustomizationEngine(clock, store, identity,
                Path.of(context.getProperty(DeviceProperties.DATA_DIR), "discovery", "customization"), discovery::enabled,
                transports, provisioning, this::runUnlessStopped);
    }

    /** Hands work to the engine's thread; after deactivation (a status event racing the stop) it is dropped. */
    private void runUnlessStopped(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException stopped) {
            // the engine was stopped: its work ended with it
        }
    }

    @Deactivate
    void deactivate() {
        engine.stop();
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- references -------------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTransport(Transport t, Map<String, Object> props) {
        transports.add(t, props);
    }

    void removeTransport(Transport t, Map<String, Object> props) {
        transports.remove(t);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(CustomizationListener l) {
        engine.addListener(l);
    }

    void removeListener(CustomizationListener l) {
        engine.removeListener(l);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setProvisioning(Provisioning p) {
        provisioning.set(p);
    }

    void unsetProvisioning(Provisioning p) {
        provisioning.unset(p);
    }

    // ---- the services, handed to the engine -----------------------------------------------------

    @Override
    public CustomizationState state() {
        return engine.state();
    }

    @Override
    public String reason() {
        return engine.reason();
    }

    @Override
    public String activate(String code) throws DiscoveryException {
        return engine.activate(code);
    }

    @Override
    public void statusChanged(ProvisioningStatus status) {
        engine.statusChanged(status);
    }

    @Override
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        engine.parametersChanged(changes, source);
    }

    @Override
    public void activationCodeEntered(ActivationCode code) {
        engine.activationCodeEntered(code);
    }
}
