package org.mppfw.upgrade.internal.swap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import java.util.function.BooleanSupplier;

import org.mppfw.api.device.DeviceProperties;
import org.mppfw.layout.FaultPoint;
import org.mppfw.upgrade.internal.sets.BundleSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Replaces the installed bundle set by another in the running framework: bundles whose jar
 * changed are updated, new ones installed, dropped ones uninstalled, and one refresh rewires
 * what depends on them. Unchanged bundles keep running (their services stay registered unless a
 * bundle they import from was replaced).
 * <p>
 * The swap may replace the upgrade bundle itself, or the api bundle it imports from, which
 * stops this bundle in the middle of the swap. So everything here works through the system
 * bundle's context, which lives as long as the framework, and uses only framework and JDK
 * classes besides its own and the api's, all loaded before the first change ({@link ClassPreloader}).
 */
public final class BundleSwapper {

    /**
     * What a swap does.
     *
     * @param update    installed bundles whose jar changes
     * @param install   members that are not installed yet
     * @param uninstall installed bundles the new set does not have
     * @param unchanged how many bundles stay as they are
     */
    public record Plan(List<Change> update, List<BundleSet.Member> install, List<Bundle> uninstall, int unchanged) {

        public boolean isEmpty() {
            return update.isEmpty() && install.isEmpty() && uninstall.isEmpty();
        }

        @Override
        public String toString() {
            return update.size() + " updated, " + install.size() + " added, " + uninstall.size() + " removed, "
                    + unchanged + " unchanged";
        }
    }

    /** An installed bundle and the member that replaces it. */
    public record Change(Bundle bundle, BundleSet.Member member) {
    }

    private final BundleContext system;

    /** @param anyContext any valid bundle context; the swapper keeps the system bundle's */
    public BundleSwapper(BundleContext anyContext) {
        this.system = anyContext.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).getBundleContext();
        ClassPreloader.preload(anyContext.getBundle());
    }

    public BundleContext system() {
        return system;
    }

    /** Whether the framework is stopping (the phone shuts down). */
    public boolean stopping() {
        int state = system.getBundle().getState();
        return state != org.osgi.framework.Bundle.ACTIVE;
    }

    /**
     * Whether the launcher has started every bundle of the set it booted (it registers a marker
     * service then). The framework's start level is no sign of it: Felix reads the target level as
     * soon as it starts the first bundle of that level.
     */
    public boolean bootComplete() {
        try {
            ServiceReference<?>[] refs = system.getServiceReferences((String) null,
                    "(" + DeviceProperties.BOOT_COMPLETE + "=true)");
            return refs != null && refs.length > 0;
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * Waits until the launcher has started every bundle ({@link #bootComplete()}), for as long as it
     * takes: the launcher itself gives up a set that does not reach its start level. Without a
     * launcher ({@code targetLevel} 0, an embedding such as a test framework) the framework being
     * active is enough.
     *
     * @return false if the framework or the caller stopped first
     */
    public boolean awaitBootComplete(int targetLevel, BooleanSupplier stop) throws InterruptedException {
        while (!stopping() && !stop.getAsBoolean()) {
            if (targetLevel == 0 || bootComplete()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return false;
    }

    /** The highest start level the framework runs at: members above it are not installed (the shell in batch mode). */
    public int frameworkLevel() {
        return system.getBundle().adapt(FrameworkStartLevel.class).getStartLevel();
    }

    /**
     * Plans the swap from {@code from} (what is installed now) to {@code to}. Bundles that belong
     * to neither set (installed by hand or by a test) are left alone.
     */
    public Plan plan(BundleSet from, BundleSet to) {
        int level = frameworkLevel();
        Map<String, Bundle> installed = new HashMap<>();
        for (Bundle b : system.getBundles()) {
            if (b.getBundleId() != 0 && b.getSymbolicName() != null) {
                installed.put(b.getSymbolicName(), b);
            }
        }
        List<Change> update = new ArrayList<>();
        List<BundleSet.Member> install = new ArrayList<>();
        List<Bundle> uninstall = new ArrayList<>();
        int unchanged = 0;
        for (BundleSet.Member m : to.members()) {
            if (m.startLevel() > level) {
                continue;
            }
            Bundle b = installed.get(m.symbolicName());
            if (b == null) {
                install.add(m);
            } else if (from.member(m.symbolicName()).map(f -> f.sha256().equals(m.sha256())).orElse(false)) {
                unchanged++;
            } else {
                update.add(new Change(b, m));
            }
        }
        for (BundleSet.Member f : from.members()) {
            Bundle b = installed.get(f.symbolicName());
            if (b != null && to.member(f.symbolicName()).isEmpty()) {
                uninstall.add(b);
            }
        }
        return new Plan(update, install, uninstall, unchanged);
    }

    /**
     * Carries out a plan and waits for the refresh. Bundles that fail to start are not an error
     * here: the health check that follows finds them.
     *
     * @throws SwapException if the framework refuses a change (the set is then mixed: the caller
     *         must swap back)
     */
    public List<String> apply(Plan plan, Duration timeout) throws SwapException {
        List<String> warnings = new ArrayList<>();
        List<Bundle> toStart = new ArrayList<>();
        try {
            for (Change c : plan.update()) {
                try (InputStream in = Files.newInputStream(c.member().jar())) {
                    c.bundle().update(in);
                } catch (BundleException e) {
                    if (e.getType() != BundleException.RESOLVE_ERROR && e.getType() != BundleException.ACTIVATOR_ERROR) {
                        throw e;
                    }
                    warnings.add(c.member().symbolicName() + ": " + e.getMessage());
                }
                c.bundle().adapt(BundleStartLevel.class).setStartLevel(c.member().startLevel());
                toStart.add(c.bundle());
                FaultPoint.reach(FaultPoint.SWAP_STEP);
            }
            for (BundleSet.Member m : plan.install()) {
                Bundle b = system.installBundle("reference:" + m.jar().toUri());
                b.adapt(BundleStartLevel.class).setStartLevel(m.startLevel());
                toStart.add(b);
                FaultPoint.reach(FaultPoint.SWAP_STEP);
            }
            for (Bundle b : plan.uninstall()) {
                b.uninstall();
                FaultPoint.reach(FaultPoint.SWAP_STEP);
            }
        } catch (BundleException | IOException | IllegalStateException e) {
            throw new SwapException("the framework refused a change: " + e.getMessage(), e);
        }
        refresh(timeout);
        for (Bundle b : toStart) {
            if (b.getState() == Bundle.UNINSTALLED || b.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                b.start();
            } catch (BundleException | IllegalStateException e) {
                warnings.add(b.getSymbolicName() + " did not start: " + e.getMessage());
            }
        }
        return warnings;
    }

    /** Refreshes the bundles with old revisions still wired (and their dependents). */
    private void refresh(Duration timeout) throws SwapException {
        FrameworkWiring wiring = system.getBundle().adapt(FrameworkWiring.class);
        if (wiring.getRemovalPendingBundles().isEmpty()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(null, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        try {
            if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SwapException("the framework did not finish rewiring in " + timeout.toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwapException("interrupted while rewiring", e);
        }
    }
}
