package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testbundle.Extra;

/**
 * Power cuts during an upgrade: the phone (the real image, a child process) upgrades v1 → v2 by
 * {@code Upgrade_Rule} from nginx and is killed with SIGKILL at points spread over the whole
 * upgrade (download, verification, slot install, swap, health check, commit). Each time it is
 * started again and the bundles it runs are compared with the two sets: every restart must run
 * exactly v1 or exactly v2, never a mix.
 * <p>
 * {@code -Dmppfw.torture.points=N} sets the number of points (CI runs 20; {@code bench/upgrade-torture.sh}
 * runs 200 and records the outcome in BENCHMARKS.md).
 */
class KillDuringUpgradeIT {

    static final Path IMAGE = UpgradeIT.IMAGE;
    static final int POINTS = Integer.getInteger("mppfw.torture.points", 20);
    static final String OPTS = UpgradeIT.OPTS;

    @TempDir
    Path scratch;

    /**
     * Starts a phone on {@code data} (where Upgrade_Rule is set and Upgrade_Enable is No), enables
     * upgrades from its shell and returns it once it logged the start of the upgrade.
     */
    private PhoneProcess startUpgrading(Path data, Path log) throws Exception {
        PhoneProcess phone = PhoneProcess.start(IMAGE, data, log, OPTS);
        phone.run("param:set Upgrade_Enable Yes");
        phone.awaitLog("upgrading from", 120);
        return phone;
    }

    private static Map<String, String> running(Path data) throws Exception {
        return UpgradeIT.bundles(PhoneProcess.batch(IMAGE, data, OPTS, "lb -s"));
    }

    /** Copies a data dir without the framework cache. */
    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(p);
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
    }

    private static String phaseAt(String log) {
        if (log.contains("upgraded to")) {
            return "committed";
        }
        if (log.contains("upgrade to ")) {
            return "swap/check";
        }
        return "download/verify/install";
    }

    @Test
    void aKillAtAnyPointOfAnUpgradeLeavesOneWholeSet() throws Exception {
        TestImages images = new TestImages(IMAGE, UpgradeIT.KEY, scratch.resolve("images"));
        Files.createDirectories(scratch.resolve("images"));
        Path v2 = images.draft("v2").change("mppfw-crypto.jar", "k2").change("mppfw-display.jar", "k2")
                .change("mppfw-http.jar", "k2").change("mppfw-provisioning.jar", "k2")
                .add(2, images.bundle("org.mppfw.test.extra", Extra.class, null))
                .build(UpgradeIT.V2, scratch.resolve("images/out/sip88xx." + UpgradeIT.V2 + ".loads"));
        try (HttpPeer http = new HttpPeer(scratch.resolve("nginx"))) {
            Files.copy(v2, http.file(v2.getFileName().toString()));
            Path template = scratch.resolve("template");
            PhoneProcess.batch(IMAGE, template, OPTS, "param:set Upgrade_Enable No; param:set Upgrade_Rule "
                    + http.url(v2.getFileName().toString()));
            Map<String, String> v1Set = running(copyOf(template, "v1"));

            // calibration: one whole upgrade, timed from its start to its commit
            Path cal = copyOf(template, "calibration");
            long window;
            try (PhoneProcess phone = startUpgrading(cal, scratch.resolve("cal.log"))) {
                long t0 = System.nanoTime();
                phone.awaitLog("upgraded to", 120);
                window = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                phone.kill9();
            }
            Map<String, String> v2Set = running(cal);
            assertTrue(v2Set.get("org.mppfw.display").endsWith(".k2"), v2Set.toString());
            assertTrue(v2Set.containsKey("org.mppfw.test.extra"), v2Set.toString());

            Random random = new Random(20261202L);
            Map<String, Integer> outcomes = new TreeMap<>();
            List<String> report = new ArrayList<>();
            for (int i = 0; i < POINTS; i++) {
                Path data = copyOf(template, "point" + i);
                Path log = scratch.resolve("point" + i + ".log");
                long delay = (long) ((i + random.nextDouble()) * window * 1.2 / POINTS);
                String phase;
                try (PhoneProcess phone = startUpgrading(data, log)) {
                    Thread.sleep(delay);
                    phase = phaseAt(phone.log());
                    phone.kill9();
                }
                Map<String, String> after = running(data);
                String which = after.equals(v1Set) ? "v1" : after.equals(v2Set) ? "v2" : null;
                if (which == null) {
                    fail("point " + i + " (" + delay + " ms, " + phase + "): a mixed set after the restart:\n" + after
                            + "\nv1: " + v1Set + "\nv2: " + v2Set + "\nlog:\n" + Files.readString(log));
                }
                outcomes.merge(phase + " -> " + which, 1, Integer::sum);
                report.add(i + " " + delay + " ms " + phase + " -> " + which);
                deleteTree(data);
            }
            System.out.println("kill -9 during an upgrade: " + POINTS + " points over " + window + " ms: " + outcomes);
            report.forEach(System.out::println);
            // the points covered the upgrade: some restarts came back to v1, some to v2, some killed mid-swap
            assertTrue(outcomes.keySet().stream().anyMatch(k -> k.endsWith("v1")), outcomes.toString());
            assertTrue(outcomes.keySet().stream().anyMatch(k -> k.endsWith("v2")), outcomes.toString());
            assertTrue(outcomes.keySet().stream().anyMatch(k -> k.startsWith("swap/check")), outcomes.toString());
            assertEquals(POINTS, outcomes.values().stream().mapToInt(Integer::intValue).sum());
        }
    }

    private Path copyOf(Path template, String name) throws IOException {
        Path d = scratch.resolve(name);
        copy(template, d);
        return d;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
