package org.mppfw.launcher;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.mppfw.api.device.DeviceProperties;
import org.mppfw.layout.BundleList;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * The embedded Felix framework: a clean cache, exactly the listed bundles at their start
 * levels, and a shutdown hook so that Ctrl-C and SIGTERM stop the phone cleanly.
 */
final class PhoneFramework {

    /** How long the framework may take to reach its start level or to stop. */
    private static final long TIMEOUT_MS = Long.getLong("mppfw.boot.timeout", 60_000L);

    private final Framework framework;
    private final Thread shutdownHook;
    private final Runnable afterStop;

    private PhoneFramework(Framework framework, Runnable afterStop) {
        this.framework = framework;
        this.afterStop = afterStop == null ? () -> { } : afterStop;
        this.shutdownHook = new Thread(this::stopQuietly, "mppfw-shutdown");
    }

    /**
     * Starts the framework with {@code entries} installed and started, and returns once every
     * bundle has been started (or failed to start, which is logged). The launcher then accepts the
     * boot with {@link #markBootComplete()}, or gives a set on trial up.
     *
     * @param afterStop runs once the framework has stopped (also after SIGTERM), or null
     */
    static PhoneFramework boot(BootConfig config, Path root, List<BundleList.Entry> entries, Runnable afterStop)
            throws Exception {
        for (BundleList.Entry e : entries) {
            if (!Files.isRegularFile(root.resolve(e.path()))) {
                throw new IllegalStateException("the bundle set lacks " + e.path() + " (in " + root + ")");
            }
        }
        Map<String, Object> props = new HashMap<>(config.frameworkProperties());
        props.put("felix.log.level", Log.felixLevel());
        props.put("felix.log.logger", Log.felixLogger());

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, PhoneFramework.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Framework framework = factory.newFramework((Map) props);
        framework.init();
        PhoneFramework phone = new PhoneFramework(framework, afterStop);
        Runtime.getRuntime().addShutdownHook(phone.shutdownHook);

        BundleContext context = framework.getBundleContext();
        for (BundleList.Entry e : entries) {
            Path jar = root.resolve(e.path());
            // reference: the jar is used in place, not copied into the cache
            Bundle bundle = context.installBundle("reference:" + jar.toUri());
            bundle.adapt(BundleStartLevel.class).setStartLevel(e.startLevel());
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
            Log.debug("installed " + e.path() + " at level " + e.startLevel());
        }
        framework.start();
        phone.raiseStartLevel(BundleList.targetLevel(entries));
        phone.reportBoot();
        return phone;
    }

    /**
     * Registers the boot-complete marker ({@link DeviceProperties#BOOT_COMPLETE}) once the launcher
     * has accepted this boot: the framework's start level reads its target as soon as the first
     * bundle of that level starts, so it cannot tell the bundles that every bundle has started; and
     * a set on trial whose bundles did not all start is given up by the launcher, not checked by
     * the bundles (the marker never comes; two restarts would race).
     */
    void markBootComplete() {
        context().registerService(Object.class, new Object(),
                new Hashtable<>(Map.of(DeviceProperties.BOOT_COMPLETE, Boolean.TRUE)));
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** Blocks until the framework has stopped (the shell's exit, EOF, or a signal). */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** Stops the framework and waits for it. */
    void stop() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    private void raiseStartLevel(int level) throws InterruptedException {
        CountDownLatch reached = new CountDownLatch(1);
        framework.adapt(FrameworkStartLevel.class).setStartLevel(level, event -> {
            if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                reached.countDown();
            }
        });
        if (!reached.await(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("start level " + level + " not reached in " + TIMEOUT_MS + " ms");
        }
    }

    /** The bundles that are neither active nor a resolved fragment, with their state. */
    List<String> inactiveBundles() {
        List<String> inactive = new ArrayList<>();
        for (Bundle b : context().getBundles()) {
            if (b.getBundleId() == 0) {
                continue;
            }
            boolean fragment = b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            if (!(b.getState() == Bundle.ACTIVE || fragment && b.getState() == Bundle.RESOLVED)) {
                inactive.add(b.getSymbolicName() + " (" + stateName(b.getState()) + ")");
            }
        }
        return inactive;
    }

    private void reportBoot() {
        long now = System.currentTimeMillis();
        List<String> inactive = inactiveBundles();
        int active = context().getBundles().length - 1 - inactive.size();
        if (!inactive.isEmpty()) {
            Log.warn(inactive.size() + " bundles not active: " + String.join(", ", inactive));
        }
        if (Log.debug() || Boolean.getBoolean("mppfw.bench")) {
            long start = ManagementFactory.getRuntimeMXBean().getStartTime();
            String cpu = ProcessHandle.current().info().totalCpuDuration()
                    .map(d -> " (cpu " + d.toMillis() + " ms)").orElse("");
            System.err.println("mppfw: booted " + active + " bundles in " + (now - start) + " ms" + cpu);
        }
    }

    private void stopQuietly() {
        try {
            if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                framework.stop();
            }
            FrameworkEvent event = framework.waitForStop(TIMEOUT_MS);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                Log.warn("the framework did not stop in " + TIMEOUT_MS + " ms");
            }
        } catch (BundleException | InterruptedException | RuntimeException e) {
            Log.warn("stopping the framework: " + e.getMessage());
            Log.debug(e);
        }
        afterStop.run();
    }

    static String stateName(int state) {
        switch (state) {
            case Bundle.INSTALLED:
                return "INSTALLED";
            case Bundle.RESOLVED:
                return "RESOLVED";
            case Bundle.STARTING:
                return "STARTING";
            case Bundle.STOPPING:
                return "STOPPING";
            case Bundle.ACTIVE:
                return "ACTIVE";
            default:
                return "UNINSTALLED";
        }
    }
}
