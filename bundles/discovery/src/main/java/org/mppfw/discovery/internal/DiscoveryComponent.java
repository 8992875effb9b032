package org.mppfw.discovery.internal;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.discovery.DiscoveryException;
import org.mppfw.api.discovery.NetworkListener;
import org.mppfw.api.discovery.ProvisioningSource;
import org.mppfw.api.discovery.SrvTarget;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discovery service's component: the edge between DS and {@link DiscoveryEngine}. It reads
 * the {@link DiscoveryConfig} with its framework-property overrides, creates the engine's one
 * thread ({@code mppfw-discovery}), and hands the {@link Discovery} calls to the engine.
 *
 * <p>It is also registered under its own class for the bundle's other components: the shell
 * commands run an exchange now, and remote customization asks whether discovery is on at all.
 * A changed configuration restarts it (and them) with the new settings.
 */
@Component(service = {Discovery.class, DiscoveryComponent.class}, immediate = true, configurationPid = DiscoveryConfig.PID)
@Designate(ocd = DiscoveryConfig.class)
public final class DiscoveryComponent implements Discovery {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryComponent.class);

    private final ExecutorService executor;
    private final List<NetworkListener> networkListeners = new CopyOnWriteArrayList<>();
    private final DiscoveryEngine engine;

    @Activate
    public DiscoveryComponent(@Reference Clock clock, @Reference ParameterStore store, @Reference DeviceIdentity identity,
            DiscoveryConfig config, BundleContext context) {
        Settings settings = Settings.of(config, context::getProperty);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mppfw-discovery");
            t.setDaemon(true);
            return t;
        });
        this.engine = new DiscoveryEngine(clock, store, identity, settings, executor);
        engine.onAddress(a -> {
            for (NetworkListener l : networkListeners) {
                try {
                    l.addressChanged(a);
                } catch (RuntimeException e) {
                    LOG.warn("Discovery: a network listener failed: {}", e.toString());
                }
            }
        });
        engine.start();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addNetworkListener(NetworkListener l) {
        networkListeners.add(l);
    }

    void removeNetworkListener(NetworkListener l) {
        networkListeners.remove(l);
    }

    /** Stops the engine and its thread, then releases the lease of mode dhcp (DHCPRELEASE, address removed). */
    @Deactivate
    void deactivate() {
        engine.stop();
        // interrupts an exchange under way
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.release();
    }

    /** Whether the phone discovers its provisioning server at all (mode other than off). */
    @Override
    public boolean enabled() {
        return engine.enabled();
    }

    /** Runs one exchange now (renew when a lease is held), on the caller's thread; the result line. */
    String exchangeNow() {
        return engine.exchangeNow();
    }

    @Override
    public List<ProvisioningSource> sources() {
        return engine.sources();
    }

    @Override
    public Optional<String> domain() {
        return engine.domain();
    }

    @Override
    public Optional<String> acsUrl() {
        return engine.acsUrl();
    }

    @Override
    public List<String> ntpServers() {
        return engine.ntpServers();
    }

    @Override
    public List<SrvTarget> lookupSrv(String domain) throws DiscoveryException {
        return engine.lookupSrv(domain);
    }

    @Override
    public Optional<Inet4Address> address() {
        return engine.address();
    }

    @Override
    public String status() {
        return engine.status();
    }
}
