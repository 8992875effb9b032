package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that applies profiles in a loop, at random moments, and checks after each
 * kill that the data dir holds exactly one complete generation: every GPP register equal, and
 * no older than the last generation the child reported as committed.
 */
class KillTest {

    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void killNineLeavesTheOldOrTheNewSetNeverAMix() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("child.log");
        Random random = new Random();
        long generation = 0;
        int rounds = 0;
        while (rounds < KILLS) {
            rounds++;
            List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    "-Xmx64m", "-cp", System.getProperty("java.class.path"), KillTarget.class.getName(),
                    data.toString(), Long.toString(generation)));
            Process child = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
            long lastReported = generation;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                int wanted = 1 + random.nextInt(6);
                for (int i = 0; i < wanted; i++) {
                    String line = out.readLine();
                    if (line == null) {
                        fail("child ended early: " + Files.readString(log));
                    }
                    lastReported = Long.parseLong(line.trim());
                }
                // kill at a random moment of the next commit cycles (the delay only spreads the
                // moments; nothing is asserted about time)
                long until = System.nanoTime() + random.nextInt(3_000_000);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                child.destroyForcibly();
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not die");
            }
            long found = loadedGeneration(data);
            assertTrue(found >= lastReported, "lost committed generation " + lastReported + ", found " + found);
            generation = found;
        }
        assertTrue(generation >= KILLS, "the children made progress");
        try (Stream<Path> files = Files.list(data.resolve("config"))) {
            assertEquals(List.of(ParameterFile.FILE_NAME),
                    files.map(p -> p.getFileName().toString()).toList(), "no corrupt copy, no temp file");
        }
    }

    /** The one generation the data dir holds; fails on a mix. */
    private static long loadedGeneration(Path data) throws Exception {
        ParameterStoreImpl store = TestStores.open(data);
        String first = null;
        for (String r : KillTarget.REGISTERS) {
            String v = store.get("GPP_" + r);
            if (first == null) {
                first = v;
            }
            assertEquals(first, v, "GPP_" + r + " is from another generation than GPP_A");
        }
        assertNotNull(first);
        return first.isEmpty() ? 0 : Long.parseLong(first.substring(0, first.indexOf(' ')));
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
