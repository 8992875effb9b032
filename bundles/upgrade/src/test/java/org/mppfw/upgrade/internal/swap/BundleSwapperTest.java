package org.mppfw.upgrade.internal.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.upgrade.internal.sets.BundleSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The swap on a real framework. Set A runs {@code lib} 1.0.0 (exporting a package), {@code app}
 * (importing it) and {@code old}; set B has {@code lib} 2.0.0, the same {@code app}, and
 * {@code new} instead of {@code old}. Both have a {@code shell} above the framework's start level.
 * A bundle installed by hand, {@code owner} (whose context the swapper is given, as the upgrade
 * bundle's is), belongs to neither.
 */
class BundleSwapperTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    private EmbeddedFelix felix;
    private BundleSwapper swapper;
    private Bundle owner;
    private BundleSet empty;
    private BundleSet a;
    private BundleSet b;

    @BeforeEach
    void setUp() throws Exception {
        felix = new EmbeddedFelix(dir);
        Path jars = Files.createDirectories(dir.resolve("jars"));
        TestBundles bundles = new TestBundles(jars);
        owner = felix.install(bundles.plain("owner", "1.0.0").jar(), true);
        swapper = new BundleSwapper(owner.getBundleContext());

        BundleSet.Member lib1 = bundles.jar("lib", "1.0.0").header("Export-Package", "org.example.lib;version=1.0")
                .member(2);
        BundleSet.Member lib2 = bundles.jar("lib", "2.0.0").header("Export-Package", "org.example.lib;version=1.0")
                .member(2);
        BundleSet.Member app = bundles.jar("app", "1.0.0").header("Import-Package", "org.example.lib").member(2);
        BundleSet.Member shell1 = bundles.jar("shell", "1.0.0").member(EmbeddedFelix.LEVEL + 1);
        BundleSet.Member shell2 = bundles.jar("shell", "2.0.0").member(EmbeddedFelix.LEVEL + 1);
        empty = new BundleSet("factory", FirmwareVersion.parse("12-0-0MPP0001-1"), List.of());
        a = new BundleSet("a", FirmwareVersion.parse("12-0-1MPP0001-1"),
                List.of(lib1, app, bundles.plain("old", "1.0.0"), shell1));
        b = new BundleSet("b", FirmwareVersion.parse("12-0-2MPP0001-1"),
                List.of(lib2, app, bundles.plain("new", "1.0.0"), shell2));
    }

    @AfterEach
    void tearDown() throws Exception {
        felix.close();
    }

    /** The bundles of the sets in the framework: symbolic name to version, all active. */
    private Map<String, String> running() {
        Map<String, String> m = new TreeMap<>();
        for (Bundle x : felix.system().getBundles()) {
            if (x.getBundleId() != 0 && x != owner) {
                assertEquals(Bundle.ACTIVE, x.getState(), x.getSymbolicName() + " is active");
                m.put(x.getSymbolicName(), x.getVersion().toString());
            }
        }
        return m;
    }

    private Bundle bundle(String bsn) {
        return felix.bundle(bsn);
    }

    private static List<String> names(List<BundleSet.Member> members) {
        return members.stream().map(BundleSet.Member::symbolicName).toList();
    }

    @Test
    void aSetIsInstalledWholeBelowTheFrameworksStartLevel() throws Exception {
        BundleSwapper.Plan p = swapper.plan(empty, a);
        assertEquals(List.of("lib", "app", "old"), names(p.install()), "not the shell: it is above the level");
        assertEquals("0 updated, 3 added, 0 removed, 0 unchanged", p.toString());
        assertEquals(List.of(), swapper.apply(p, TIMEOUT));
        assertEquals(Map.of("lib", "1.0.0", "app", "1.0.0", "old", "1.0.0"), running());
        assertEquals(EmbeddedFelix.LEVEL, swapper.frameworkLevel());
    }

    @Test
    void thePlanUpdatesChangedJarsInstallsNewOnesUninstallsDroppedOnesAndKeepsTheRest() throws Exception {
        swapper.apply(swapper.plan(empty, a), TIMEOUT);
        BundleSwapper.Plan p = swapper.plan(a, b);
        assertEquals(1, p.update().size());
        assertSame(bundle("lib"), p.update().get(0).bundle());
        assertEquals("2.0.0", p.update().get(0).member().version());
        assertEquals(List.of("new"), names(p.install()));
        assertEquals(List.of(bundle("old")), p.uninstall());
        assertEquals(1, p.unchanged(), "app: the same jar in both sets");
        assertEquals("1 updated, 1 added, 1 removed, 1 unchanged", p.toString());
        assertTrue(swapper.plan(a, a).isEmpty());
    }

    @Test
    void applyLeavesTheFrameworkWithExactlyTheNewSetActiveAndRewired() throws Exception {
        swapper.apply(swapper.plan(empty, a), TIMEOUT);
        long libId = bundle("lib").getBundleId();
        long appId = bundle("app").getBundleId();

        assertEquals(List.of(), swapper.apply(swapper.plan(a, b), TIMEOUT));

        assertEquals(Map.of("lib", "2.0.0", "app", "1.0.0", "new", "1.0.0"), running());
        assertEquals(libId, bundle("lib").getBundleId(), "updated in place");
        assertEquals(appId, bundle("app").getBundleId());
        assertEquals(Bundle.ACTIVE, owner.getState(), "a bundle of neither set is left alone");
        assertAppWiredToTheCurrentLib();
    }

    @Test
    void swappingBackRestoresTheFirstSet() throws Exception {
        swapper.apply(swapper.plan(empty, a), TIMEOUT);
        swapper.apply(swapper.plan(a, b), TIMEOUT);

        BundleSwapper.Plan back = swapper.plan(b, a);
        assertEquals("1 updated, 1 added, 1 removed, 1 unchanged", back.toString());
        assertEquals(List.of(), swapper.apply(back, TIMEOUT));

        assertEquals(Map.of("lib", "1.0.0", "app", "1.0.0", "old", "1.0.0"), running());
        assertEquals(Bundle.ACTIVE, owner.getState());
        assertAppWiredToTheCurrentLib();
    }

    @Test
    void aBundleThatDoesNotResolveIsAWarningNotAFailure() throws Exception {
        TestBundles bundles = new TestBundles(Files.createDirectories(dir.resolve("more")));
        BundleSet.Member lost = bundles.jar("lost", "1.0.0").header("Import-Package", "org.example.nowhere").member(2);
        BundleSet c = new BundleSet("b", FirmwareVersion.parse("12-0-2MPP0001-1"), List.of(lost));
        List<String> warnings = swapper.apply(swapper.plan(empty, c), TIMEOUT);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("lost did not start: "), warnings.get(0));
        assertEquals(Bundle.INSTALLED, bundle("lost").getState());
    }

    /** The refresh after the update: {@code app} imports from the new revision of {@code lib}, no old one is left. */
    private void assertAppWiredToTheCurrentLib() {
        BundleWiring wiring = bundle("app").adapt(BundleWiring.class);
        List<BundleWire> wires = wiring.getRequiredWires(BundleRevision.PACKAGE_NAMESPACE);
        assertEquals(1, wires.size());
        assertSame(bundle("lib").adapt(BundleRevision.class), wires.get(0).getProvider());
        assertTrue(felix.system().getBundle().adapt(FrameworkWiring.class).getRemovalPendingBundles().isEmpty());
    }
}
