package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.layout.FaultPoint;
import org.mppfw.testbundle.Extra;
import org.mppfw.testing.TempDirs;

/**
 * Power cuts during an upgrade. The phone (the real image, a child process, powered on with its
 * shell on a pipe) upgrades v1 → v2 ({@code fw:upgrade}) from nginx and loses power at one point:
 * <ul>
 * <li>at every point the phone's own fault hook knows ({@link FaultPoint}): after each bundle of the
 * swap ({@code swap-step@k}), between every synced state file and its rename ({@code state-rename@k},
 * the boot history's, the state record's and the attempt record's), after the slot install, when
 * the check starts; the hook halts the JVM right there, as a power cut would;</li>
 * <li>and at random moments of the upgrade (SIGKILL).</li>
 * </ul>
 * Two images: one that changes four service bundles and adds one, and one that replaces the
 * {@code api}, {@code config} and {@code upgrade} bundles themselves. After each cut the phone is
 * powered on again: the test waits until it has settled (nothing pending, no reboot waiting, the
 * boot recorded), lists its bundles, powers it off and on once more and lists them again. Both
 * lists must be the whole v1 set or the whole v2 set; a mix fails with the logs of the three runs.
 * <p>
 * {@code -Dmppfw.torture.points=N} is the number of points in all (CI runs 50: every fault-hook point
 * of both images, the rest at random); {@code bench/upgrade.sh -p 200} runs 200 and
 * BENCHMARKS.md records the outcome.
 */
class KillDuringUpgradeIT {

    static final Path IMAGE = UpgradeIT.IMAGE;
    static final int POINTS = Integer.getInteger("mppfw.torture.points", 50);
    static final String OPTS = UpgradeIT.OPTS;
    static final List<String> HOOK_POINTS = List.of(FaultPoint.SWAP_STEP, FaultPoint.STATE_RENAME,
            FaultPoint.SLOT_INSTALLED, FaultPoint.CHECK);
    private static final Pattern TRACE = Pattern.compile("mppfw: fault point ([a-z-]+) #(\\d+)");

    @TempDir
    Path scratch;

    /** One image under test: its URL, the set it brings, and how long a whole upgrade to it takes. */
    private record Target(String name, String url, Map<String, String> set, Map<String, Integer> hooks, long window) {
    }

    @Test
    void aPowerCutAtAnyPointOfAnUpgradeLeavesOneWholeSet() throws Exception {
        TestImages images = new TestImages(IMAGE, UpgradeIT.KEY, scratch.resolve("images"));
        Files.createDirectories(scratch.resolve("images"));
        Path services = images.draft("services").change("mppfw-crypto.jar", "k2").change("mppfw-display.jar", "k2")
                .change("mppfw-http.jar", "k2").change("mppfw-provisioning.jar", "k2")
                .add(2, images.bundle("org.mppfw.test.extra", Extra.class, null))
                .build(UpgradeIT.V2, scratch.resolve("images/services/sip88xx." + UpgradeIT.V2 + ".loads"));
        Path core = images.draft("core").change("mppfw-api.jar", "k2").change("mppfw-config.jar", "k2")
                .change("mppfw-upgrade.jar", "k2")
                .build(UpgradeIT.V2, scratch.resolve("images/core/sip88xx." + UpgradeIT.V2 + ".loads"));
        try (HttpPeer http = new HttpPeer(scratch.resolve("nginx"))) {
            Files.createDirectories(http.file("services"));
            Files.createDirectories(http.file("core"));
            Files.copy(services, http.file("services/" + services.getFileName()));
            Files.copy(core, http.file("core/" + core.getFileName()));
            Path template = scratch.resolve("template");
            PhoneProcess.batch(IMAGE, template, OPTS, "param:set Station_Name torture");
            Map<String, String> v1 = restartAndList(copyOf(template, "v1"), scratch.resolve("v1.log"));
            assertTrue(v1.containsKey("org.mppfw.upgrade") && !v1.containsKey("org.mppfw.test.extra"), v1.toString());

            List<Target> targets = List.of(
                    calibrate("services", http.url("services/" + services.getFileName()), template),
                    calibrate("core", http.url("core/" + core.getFileName()), template));
            assertTrue(targets.get(0).set().get("org.mppfw.display").endsWith(".k2"), targets.get(0).set().toString());
            assertTrue(targets.get(0).set().containsKey("org.mppfw.test.extra"), targets.get(0).set().toString());
            assertTrue(targets.get(1).set().get("org.mppfw.api").endsWith(".k2"), targets.get(1).set().toString());
            assertTrue(targets.get(1).set().get("org.mppfw.upgrade").endsWith(".k2"), targets.get(1).set().toString());

            List<String[]> plan = new ArrayList<>(); // target index, fault (or "kill@<ms>")
            for (int t = 0; t < targets.size(); t++) {
                for (Map.Entry<String, Integer> h : targets.get(t).hooks().entrySet()) {
                    for (int k = 1; k <= h.getValue(); k++) {
                        plan.add(new String[] {Integer.toString(t), h.getKey() + "@" + k});
                    }
                }
            }
            Random random = new Random(20261207L);
            int randomPoints = Math.max(0, POINTS - plan.size());
            for (int i = 0; i < randomPoints; i++) {
                int t = i % targets.size();
                int slot = i / targets.size();
                int slots = (randomPoints + targets.size() - 1) / targets.size();
                long delay = (long) ((slot + random.nextDouble()) * targets.get(t).window() * 1.2 / slots);
                plan.add(new String[] {Integer.toString(t), "kill@" + delay});
            }

            Map<String, Integer> outcomes = new TreeMap<>();
            List<String> report = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                Target target = targets.get(Integer.parseInt(plan.get(i)[0]));
                String point = plan.get(i)[1];
                String which = cutAndRestart(i, target, point, template, v1);
                String key = target.name() + " " + point.replaceAll("@.*", "") + " -> " + which;
                outcomes.merge(key, 1, Integer::sum);
                report.add(i + " " + target.name() + " " + point + " -> " + which);
            }
            System.out.println("power cuts during an upgrade: " + plan.size() + " points: " + outcomes);
            for (Target t : targets) {
                System.out.println(t.name() + ": fault-hook points " + t.hooks() + ", whole upgrade " + t.window() + " ms");
            }
            report.forEach(System.out::println);
            for (Target t : targets) {
                assertTrue(outcomes.keySet().stream().anyMatch(k -> k.startsWith(t.name()) && k.endsWith("v1")),
                        outcomes.toString());
                assertTrue(outcomes.keySet().stream().anyMatch(k -> k.startsWith(t.name()) && k.endsWith("v2")),
                        outcomes.toString());
            }
            assertEquals(plan.size(), outcomes.values().stream().mapToInt(Integer::intValue).sum());
        }
    }

    /**
     * One whole upgrade with every fault point traced: which points it reaches how often, how long
     * it takes, and the set it ends with.
     */
    private Target calibrate(String name, String url, Path template) throws Exception {
        Path data = copyOf(template, "calibration-" + name);
        Path log = scratch.resolve("calibration-" + name + ".log");
        long window;
        try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, log,
                OPTS + " -D" + FaultPoint.PROPERTY + "=" + FaultPoint.TRACE)) {
            phone.awaitSettled(data);
            long t0 = System.nanoTime();
            phone.run("fw:upgrade " + url);
            phone.awaitLog("upgrading from", 120);
            phone.awaitLog("upgraded to", 120);
            window = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            phone.awaitIdle();
        }
        Map<String, Integer> hooks = new LinkedHashMap<>();
        for (String p : HOOK_POINTS) {
            hooks.put(p, 0);
        }
        Matcher m = TRACE.matcher(Files.readString(log));
        while (m.find()) {
            hooks.merge(m.group(1), Integer.parseInt(m.group(2)), Math::max);
        }
        assertTrue(hooks.get(FaultPoint.SWAP_STEP) >= 3, name + ": the swap steps were traced: " + hooks);
        assertTrue(hooks.get(FaultPoint.STATE_RENAME) >= 4, name + ": the state writes were traced: " + hooks);
        assertEquals(1, hooks.get(FaultPoint.SLOT_INSTALLED), name + ": " + hooks);
        assertTrue(hooks.get(FaultPoint.CHECK) >= 1, name + ": " + hooks);
        Map<String, String> set = restartAndList(data, scratch.resolve("calibration-" + name + "-restart.log"));
        return new Target(name, url, set, hooks, window);
    }

    /**
     * Upgrades a copy of the template, cutting the power at {@code point}, then powers the phone on
     * twice; returns v1 or v2, or fails the test with the three logs.
     */
    private String cutAndRestart(int i, Target target, String point, Path template, Map<String, String> v1)
            throws Exception {
        Path data = copyOf(template, "point" + i);
        Path cutLog = scratch.resolve("point" + i + "-cut.log");
        boolean hook = !point.startsWith("kill@");
        String opts = hook ? OPTS + " -D" + FaultPoint.PROPERTY + "=" + point : OPTS;
        try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, cutLog, opts)) {
            try {
                phone.awaitSettled(data);
                phone.run("fw:upgrade " + target.url());
                phone.awaitLog("upgrading from", 120);
                if (hook) {
                    // to the end of the upgrade, then the clean stop of close(): the points of the shutdown too
                    phone.awaitLog("upgraded to", 120);
                    phone.awaitIdle();
                } else {
                    Thread.sleep(Long.parseLong(point.substring("kill@".length())));
                    phone.kill9();
                }
            } catch (IOException e) {
                if (phone.alive()) {
                    throw e;
                }
                // the fault hook halted the phone: that is the power cut
            }
        }
        String cut = Files.readString(cutLog);
        if (hook && !cut.contains("fault point " + point + " reached")) {
            fail("point " + i + " (" + target.name() + " " + point + ") was never reached:\n" + cut);
        }
        Path firstLog = scratch.resolve("point" + i + "-restart1.log");
        Path secondLog = scratch.resolve("point" + i + "-restart2.log");
        Map<String, String> first = restartAndList(data, firstLog);
        Map<String, String> second = restartAndList(data, secondLog);
        String which = first.equals(v1) ? "v1" : first.equals(target.set()) ? "v2" : null;
        if (which == null || !second.equals(first)) {
            fail("point " + i + " (" + target.name() + " " + point + "): not one whole set after the power cut:\n"
                    + "first restart:  " + first + "\nsecond restart: " + second + "\nv1: " + v1 + "\nv2: " + target.set()
                    + "\n--- log of the run that lost power:\n" + cut
                    + "\n--- log of the first restart:\n" + Files.readString(firstLog)
                    + "\n--- log of the second restart:\n" + Files.readString(secondLog)
                    + "\n--- sys:boots after the second restart:\n" + Files.readString(boots(secondLog)));
        }
        if (i == 0 || i % 25 == 0) {
            System.out.println("sys:boots after point " + i + " (" + target.name() + " " + point + "):\n"
                    + Files.readString(boots(secondLog)));
        }
        TempDirs.delete(data);
        return which;
    }

    /** Powers the phone on, waits until it has settled, lists its bundles and powers it off cleanly. */
    private static Map<String, String> restartAndList(Path data, Path log) throws Exception {
        try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, log, OPTS)) {
            phone.awaitSettled(data);
            phone.awaitIdle();
            Files.writeString(boots(log), phone.run("sys:boots"));
            return UpgradeIT.bundles(phone.run("lb -s"));
        }
    }

    /** Where {@link #restartAndList} keeps what {@code sys:boots} said. */
    private static Path boots(Path log) {
        return log.resolveSibling(log.getFileName() + ".boots");
    }

    /** Copies a data dir without the framework cache. */
    private Path copyOf(Path template, String name) throws IOException {
        Path to = scratch.resolve(name);
        try (var files = Files.walk(template)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = template.relativize(p);
                if (rel.startsWith("felix-cache")) {
                    continue;
                }
                Path t = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
