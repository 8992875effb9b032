package org.mppfw.upgrade.internal.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.upgrade.internal.sets.BundleSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * The health check on a real framework with the Service Component Runtime. Components are
 * immediate and implemented by JDK classes: {@code java.lang.Object} activates; a mandatory
 * reference to {@code java.lang.Runnable}, which no bundle registers, leaves a component
 * unsatisfied; {@code java.lang.Integer}, which has no constructor without arguments, fails its
 * activation.
 * <p>
 * A problem that ends the check is shown by a timeout the test would never wait out and a check
 * that looks only once ({@link CheckRounds#once}); one that the check waits out, by fixing it
 * between two rounds.
 */
class HealthCheckTest {

    private static final Duration NEVER = Duration.ofDays(1);
    private static final String RUNNER = "<reference name=\"runner\" interface=\"java.lang.Runnable\""
            + " cardinality=\"1..1\" policy=\"static\"/>";

    @TempDir
    Path dir;

    private EmbeddedFelix felix;
    private TestBundles bundles;

    @BeforeEach
    void setUp() throws Exception {
        felix = new EmbeddedFelix(dir).withDs();
        bundles = new TestBundles(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        felix.close();
    }

    /** Installs the members up to the framework's level as the launcher does (all, then starts them). */
    private BundleSet running(BundleSet.Member... members) throws Exception {
        List<Bundle> installed = new ArrayList<>();
        for (BundleSet.Member m : members) {
            if (m.startLevel() <= EmbeddedFelix.LEVEL) {
                installed.add(felix.install(m.jar(), false));
            }
        }
        for (Bundle b : installed) {
            if (b.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
        return set(members);
    }

    private static BundleSet set(BundleSet.Member... members) {
        return new BundleSet("a", FirmwareVersion.parse("12-0-2MPP0001-1"), List.of(members));
    }

    private HealthCheck.Result check(CheckRounds rounds, BundleSet set, Duration timeout) throws Exception {
        return new HealthCheck(rounds.context()).await(set, EmbeddedFelix.LEVEL, timeout);
    }

    @Test
    void aSetWhoseBundlesAreActiveAndWhoseComponentsActivatedIsHealthy() throws Exception {
        BundleSet set = running(bundles.plain("plain", "1.0.0"),
                bundles.jar("service", "1.0.0").component("fine", "java.lang.Object", "").member(2),
                bundles.jar("lazy.service", "1.0.0").delayed("unused", "java.lang.Thread", "java.lang.Runnable")
                        .member(2), // satisfied, not active: nobody used it yet
                bundles.jar("host.fragment", "1.0.0").header("Fragment-Host", "plain").member(2),
                bundles.jar("shell", "1.0.0").member(EmbeddedFelix.LEVEL + 1)); // above the level: not installed
        assertEquals(Bundle.RESOLVED, felix.bundle("host.fragment").getState());
        HealthCheck.Result r = check(new CheckRounds(felix.system(), n -> { }), set, NEVER);
        assertEquals(new HealthCheck.Result(true, List.of(), false), r);
        assertEquals("healthy", r.summary());
    }

    @Test
    void aMemberThatDoesNotResolveEndsTheCheck() throws Exception {
        BundleSet set = running(bundles.plain("plain", "1.0.0"));
        BundleSet.Member lost = bundles.jar("lost", "1.0.0").header("Import-Package", "org.example.nowhere").member(2);
        felix.install(lost.jar(), false);
        HealthCheck.Result r = check(CheckRounds.once(felix.system()), set(set.members().get(0), lost), NEVER);
        assertEquals(new HealthCheck.Result(false, List.of("lost is INSTALLED (it does not resolve)"), false), r);
    }

    @Test
    void aMemberThatIsNotInstalledEndsTheCheck() throws Exception {
        BundleSet.Member missing = bundles.plain("missing", "1.0.0");
        HealthCheck.Result r = check(CheckRounds.once(felix.system()), set(missing), NEVER);
        assertEquals(List.of("missing is not installed"), r.problems());
        assertFalse(r.healthy());
    }

    /** A class without a constructor DS can call: its instance cannot be created. */
    @Test
    void aComponentThatFailedToActivateEndsTheCheck() throws Exception {
        BundleSet set = running(bundles.jar("broken", "1.0.0").component("broken", "java.lang.Integer", "").member(2));
        HealthCheck.Result r = check(CheckRounds.once(felix.system()), set, NEVER);
        assertEquals(new HealthCheck.Result(false,
                List.of("component broken failed to activate: java.lang.InstantiationException: Constructor not found."),
                false), r);
    }

    /**
     * A component whose class is not in its bundle: the runtime does not call it a failed
     * activation but leaves it satisfied, and says why only in its log.
     */
    @Test
    void aComponentWhoseClassDoesNotExistEndsTheCheck() throws Exception {
        BundleSet set = running(
                bundles.jar("hollow", "1.0.0").component("hollow", "org.example.NoSuchClass", "").member(2));
        HealthCheck.Result r = check(CheckRounds.once(felix.system()), set, NEVER);
        assertEquals(new HealthCheck.Result(false,
                List.of("component hollow cannot load its class org.example.NoSuchClass"), false), r);
    }

    @Test
    void anUnsatisfiedComponentIsAProblemAtTheEndOfTheTimeout() throws Exception {
        BundleSet set = running(bundles.jar("needy", "1.0.0").component("needy", "java.lang.Object", RUNNER).member(2));
        HealthCheck.Result r = check(CheckRounds.once(felix.system()), set, Duration.ZERO);
        assertEquals(new HealthCheck.Result(false, List.of("component needy is not satisfied (missing runner)"), false),
                r);
    }

    @Test
    void anUnsatisfiedComponentIsWaitedForNotFatal() throws Exception {
        BundleSet set = running(bundles.jar("needy", "1.0.0").component("needy", "java.lang.Object", RUNNER).member(2));
        CheckRounds rounds = new CheckRounds(felix.system(), n -> {
            if (n == 2) { // the first round found it unsatisfied and went on waiting: now its service comes
                felix.system().registerService(Runnable.class, () -> { }, null);
            }
        });
        HealthCheck.Result r = check(rounds, set, NEVER);
        assertEquals(new HealthCheck.Result(true, List.of(), false), r);
        assertTrue(rounds.rounds() >= 2);
    }

    /** A lazily activated bundle stays STARTING until a class is loaded from it. */
    @Test
    void aBundleStillStartingIsNotHealthyAndSaysSo() throws Exception {
        BundleSet.Member lazy = bundles.jar("lazy", "1.0.0").header("Bundle-ActivationPolicy", "lazy").member(2);
        Bundle b = felix.install(lazy.jar(), false);
        b.start(Bundle.START_ACTIVATION_POLICY);
        assertEquals(Bundle.STARTING, b.getState());
        HealthCheck.Result r = check(CheckRounds.once(felix.system()), set(lazy), Duration.ZERO);
        assertEquals(new HealthCheck.Result(false, List.of("lazy is STARTING"), true), r);
    }

    @Test
    void withoutTheComponentRuntimeNoSetIsHealthy() throws Exception {
        for (Bundle b : felix.system().getBundles()) {
            if ("org.apache.felix.scr".equals(b.getSymbolicName())) {
                b.stop();
            }
        }
        BundleSet set = running(bundles.plain("plain", "1.0.0"));
        HealthCheck.Result r = check(CheckRounds.once(felix.system()), set, Duration.ZERO);
        assertEquals(new HealthCheck.Result(false, List.of("no Service Component Runtime"), false), r);
    }
}
