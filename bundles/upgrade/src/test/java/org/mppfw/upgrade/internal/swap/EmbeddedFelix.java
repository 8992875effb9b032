package org.mppfw.upgrade.internal.swap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * A Felix framework in a test's temp dir, raised to start level {@link #LEVEL} as the launcher
 * raises the phone's (members above it are the shell's, not installed in batch mode); with the
 * Service Component Runtime when a test asks for it.
 */
final class EmbeddedFelix implements AutoCloseable {

    /** The framework's start level. */
    static final int LEVEL = 2;
    /** System properties naming the jars of DS and what it needs (set by the build). */
    private static final List<String> DS = List.of("mppfw.test.bundle.function", "mppfw.test.bundle.promise",
            "mppfw.test.bundle.component", "mppfw.test.bundle.scr");

    private final Framework framework;

    EmbeddedFelix(Path dir) throws BundleException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        framework = factory.newFramework(Map.of(
                "org.osgi.framework.storage", dir.resolve("cache").toString(),
                "org.osgi.framework.storage.clean", "onFirstInit",
                "org.osgi.framework.startlevel.beginning", Integer.toString(LEVEL)));
        framework.start();
    }

    BundleContext system() {
        return framework.getBundleContext();
    }

    /** Installs and starts the Service Component Runtime at start level 1. */
    EmbeddedFelix withDs() throws BundleException {
        List<Bundle> installed = new ArrayList<>();
        for (String property : DS) {
            String jar = System.getProperty(property);
            if (jar == null) {
                throw new IllegalStateException(property + " is not set: run the tests through Maven");
            }
            Bundle b = system().installBundle("reference:" + Path.of(jar).toUri());
            b.adapt(BundleStartLevel.class).setStartLevel(1);
            installed.add(b);
        }
        for (Bundle b : installed) {
            b.start();
        }
        return this;
    }

    /** Installs a jar as the launcher does, and starts it unless asked not to. */
    Bundle install(Path jar, boolean start) throws BundleException {
        Bundle b = system().installBundle("reference:" + jar.toUri());
        b.adapt(BundleStartLevel.class).setStartLevel(LEVEL);
        if (start) {
            b.start();
        }
        return b;
    }

    /** The bundle of a symbolic name. */
    Bundle bundle(String bsn) {
        for (Bundle b : system().getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(bsn + " is not installed");
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        FrameworkEvent e = framework.waitForStop(60_000);
        if (e.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
            throw new IllegalStateException("the framework did not stop");
        }
    }
}
