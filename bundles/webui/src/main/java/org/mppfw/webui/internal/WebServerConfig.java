package org.mppfw.webui.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceCertificate;
import org.mppfw.api.device.ServerKeyStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ManagedService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the web server's parameters live: each change rewrites Felix HTTP's configuration (PID
 * {@code org.apache.felix.http}), which restarts Jetty with the new port, or deletes it, which
 * stops Jetty (the image requires a configuration before Jetty starts). HTTPS presents the key
 * store of the {@link DeviceCertificate} service (the device certificate, else the phone's
 * self-signed one); its password goes to Felix HTTP's configuration only, never to a log. Runs on
 * its own thread so that a page submitting the change is answered before the server restarts.
 */
@Component(service = ParameterListener.class, immediate = true, property = {
    ParameterListener.NAMES + "=" + WebSettings.ENABLE, ParameterListener.NAMES + "=" + WebSettings.PROTOCOL,
    ParameterListener.NAMES + "=" + WebSettings.PORT})
public final class WebServerConfig implements ParameterListener {

    private static final Logger LOG = LoggerFactory.getLogger(WebServerConfig.class);

    private final ParameterStore store;
    private final ConfigurationAdmin cm;
    private final int offset;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mppfw-web-config");
        t.setDaemon(true);
        return t;
    });
    /** A PID nobody configures: its first (empty) delivery marks the end of the ones before. */
    static final String BARRIER_PID = "org.mppfw.webui.delivered";
    static final Duration JETTY_START_WAIT = Duration.ofSeconds(10);

    private final BundleContext context;
    /** A configuration that opens the web server was written: Jetty may be starting. */
    private volatile boolean opened;
    private String lastState = "";
    private volatile DeviceCertificate certificate;
    /** Set when the component stops: a follow cut short then is no failure, and none is queued. */
    private volatile boolean stopped;

    @Activate
    public WebServerConfig(@Reference ParameterStore store, @Reference ConfigurationAdmin cm, BundleContext context) {
        this.store = store;
        this.cm = cm;
        this.context = context;
        String o = context.getProperty(WebSettings.PORT_OFFSET);
        this.offset = o == null || o.isBlank() ? 0 : Integer.parseInt(o.trim());
        later();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindCertificate(DeviceCertificate c) {
        certificate = c;
        later();
    }

    void unbindCertificate(DeviceCertificate c) {
        if (certificate == c) {
            certificate = null;
            later();
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopped = true;
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
        if (opened) {
            awaitJettyStarted();
        }
    }

    /**
     * Waits (at most {@link #JETTY_START_WAIT}) until Configuration Admin has delivered what this
     * component gave it. Felix HTTP starts Jetty on Configuration Admin's thread and reads its
     * bundle's context while it does: stopped in the middle (a phone stopped right after its boot),
     * it logs an ERROR. Configuration Admin delivers in order on one thread, so once a
     * {@link ManagedService} registered now has had its first call, every delivery before it, the
     * Jetty start included, has ended. This bundle stops before Felix HTTP's (the image installs it
     * after them), so the start ends before Felix HTTP stops.
     */
    private void awaitJettyStarted() throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(1);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_PID, BARRIER_PID);
        try {
            ServiceRegistration<ManagedService> barrier = context.registerService(ManagedService.class,
                    properties -> delivered.countDown(), props);
            try {
                delivered.await(JETTY_START_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                barrier.unregister();
            }
        } catch (IllegalStateException e) {
            // the context is gone: nothing to wait for
        }
    }

    @Override
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        later();
    }

    private void later() {
        if (!stopped) {
            try {
                thread.execute(this::follow);
            } catch (RejectedExecutionException e) {
                // stopping
            }
        }
    }

    private void follow() {
        WebSettings s = WebSettings.read(store);
        try {
            Optional<ServerKeyStore> tls = s.https() ? keyStore() : Optional.empty();
            if (stopped) {
                return; // the configuration stays as it is: a follow cut short changes nothing
            }
            String state = s.closedBecause(tls).map(why -> "web: server closed: " + why)
                    .orElse("web: serving " + (s.https() ? "HTTPS" : "HTTP") + " on port " + s.effectivePort(offset)
                            + tls.map(t -> " with the " + (t.deviceCertificate() ? "device" : "self-signed")
                                    + " certificate (SHA-256 " + t.sha256() + ")").orElse(""));
            Configuration c = cm.getConfiguration(WebSettings.FELIX_PID, "?");
            Optional<Hashtable<String, Object>> config = s.felixConfig(offset, tls);
            if (config.isPresent()) {
                opened = true;
                c.updateIfDifferent(config.get());
            } else if (c.getProperties() != null) {
                c.delete();
            }
            if (!state.equals(lastState)) {
                LOG.info(state);
                lastState = state;
            }
        } catch (IOException | RuntimeException e) {
            if (!stopped) {
                LOG.error("web: cannot configure the web server: {}", e.toString());
            }
        }
    }

    /** The key store HTTPS presents; empty (the server closed) when it cannot be had. */
    private Optional<ServerKeyStore> keyStore() {
        DeviceCertificate c = certificate;
        try {
            return c == null ? Optional.empty() : c.serverKeyStore();
        } catch (IOException | RuntimeException e) {
            if (!stopped) {
                LOG.error("web: no key store for HTTPS: {}", e.toString());
            }
            return Optional.empty();
        }
    }
}
