package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testbundle.GapProbe;

/**
 * The upgrade benchmark ({@code bench/upgrade.sh}; not part of the test run): in one running phone,
 * N times an upgrade v1 → v2 from nginx on loopback (v2 changes one bundle, the display) and a
 * rollback, measuring
 * <ul>
 * <li>the service gap: how long each service of the swapped bundle is unregistered, seen by a
 * probe bundle's service listener;</li>
 * <li>the whole upgrade, from the start of the download to the commit, from the phone's log.</li>
 * </ul>
 * Prints {@code BENCH} lines that BENCHMARKS.md records.
 */
@EnabledIfSystemProperty(named = "mppfw.bench.upgrade", matches = "true")
class UpgradeBenchmarkIT {

    static final int RUNS = Integer.getInteger("mppfw.bench.runs", 10);
    private static final Pattern TIME = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\[INFO\\] UpgradeEngine - (.*)$",
            Pattern.MULTILINE);

    @TempDir
    Path scratch;

    @Test
    void serviceGapAndWholeUpgrade() throws Exception {
        TestImages images = new TestImages(UpgradeIT.IMAGE, UpgradeIT.KEY, scratch);
        Path v2 = images.draft("v2").change("mppfw-display.jar", "bench")
                .build(UpgradeIT.V2, scratch.resolve("out/sip88xx." + UpgradeIT.V2 + ".loads"));
        Path probe = images.bundle("org.mppfw.bench.gapprobe", GapProbe.class, "org.osgi.framework");
        Path gaps = scratch.resolve("gaps.txt");
        long size = Files.size(v2);
        try (HttpPeer http = new HttpPeer(scratch.resolve("nginx"))) {
            Files.copy(v2, http.file("v2.loads"));
            Path data = scratch.resolve("data");
            try (PhoneProcess phone = PhoneProcess.start(UpgradeIT.IMAGE, data, scratch.resolve("phone.log"),
                    UpgradeIT.OPTS + " -Dmppfw.bench.gap.file=" + gaps)) {
                phone.run("start " + probe.toUri());
                for (int i = 0; i < RUNS; i++) {
                    phone.run("fw:upgrade " + http.url("v2.loads"));
                    await(phone, "active a");
                    String r = phone.run("fw:rollback");
                    assertTrue(r.contains("rolled back"), r);
                }
                List<Long> whole = wholeUpgrades(phone.log());
                Map<String, List<Long>> gap = new TreeMap<>();
                for (String line : Files.readAllLines(gaps)) {
                    String[] f = line.split(" ");
                    gap.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Long.parseLong(f[1]));
                }
                System.out.println("BENCH image " + size + " bytes, " + RUNS + " upgrades + rollbacks");
                System.out.println("BENCH whole upgrade (download start -> committed) ms: median " + median(whole)
                        + " min " + Collections.min(whole) + " max " + Collections.max(whole));
                for (Map.Entry<String, List<Long>> e : gap.entrySet()) {
                    if (!e.getKey().startsWith("org.mppfw.api.")) {
                        continue; // the same registration seen under its implementation class
                    }
                    System.out.println("BENCH service gap " + e.getKey() + " (" + e.getValue().size() + " swaps) us: median "
                            + median(e.getValue()) + " max " + Collections.max(e.getValue()));
                }
                assertTrue(!gap.isEmpty(), "the probe saw the swapped services");
            }
        }
    }

    private static void await(PhoneProcess phone, String text) throws Exception {
        for (int i = 0; i < 600; i++) {
            String s = phone.run("fw:status");
            if (s.contains(text) && s.contains("upgrade   idle")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "':\n" + phone.log());
    }

    /** Milliseconds from each "upgrading from" to the "upgraded to" after it. */
    static List<Long> wholeUpgrades(String log) {
        List<Long> out = new ArrayList<>();
        LocalDateTime start = null;
        Matcher m = TIME.matcher(log);
        while (m.find()) {
            LocalDateTime t = LocalDateTime.parse(m.group(1));
            if (m.group(2).startsWith("upgrading from")) {
                start = t;
            } else if (m.group(2).startsWith("upgraded to") && start != null) {
                out.add(Duration.between(start, t).toMillis());
                start = null;
            }
        }
        return out;
    }

    static long median(List<Long> values) {
        List<Long> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
