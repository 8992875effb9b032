package org.mppfw.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What --delta sends: the changes since the last resync, reboot or upgrade, kept across restarts. */
class BaselineTest {

    @Test
    void survivesARestartOfTheBundleButNotAReboot(@TempDir Path dir) throws Exception {
        try (Phone p = new Phone(dir)) {
            p.reporter.start(7, "fw-1");
            p.set("GPP_A", "after");
            p.set("GPP_SA", "secret-value-1");
            assertEquals(Set.of("GPP_A", "GPP_SA"), p.baseline.changed(p.store().values()));
            String file = Files.readString(dir.resolve("report/baseline.properties"), StandardCharsets.UTF_8);
            assertFalse(file.contains("secret-value-1"), "hashes only");
            Baseline again = new Baseline(dir.resolve("report/baseline.properties"));
            assertFalse(again.staleFor(7, "fw-1"), "same boot, same firmware: a bundle restart keeps it");
            assertEquals(Set.of("GPP_A", "GPP_SA"), again.changed(p.store().values()));
            assertTrue(again.staleFor(8, "fw-1"), "a reboot");
            assertTrue(again.staleFor(7, "fw-2"), "an upgrade");
            p.reporter.start(8, "fw-1");
            assertEquals(Set.of(), p.baseline.changed(p.store().values()));
            String body = new String(p.reporter.body(false, true), StandardCharsets.UTF_8);
            assertFalse(body.contains("ua="), "an empty delta: " + body);
        }
    }

    @Test
    void movedAfterAResync(@TempDir Path dir) throws Exception {
        try (Phone p = new Phone(dir)) {
            p.reporter.start(1, "fw");
            p.set("GPP_B", "b");
            p.reporter.moveBaseline(1, "fw");
            p.set("GPP_C", "c");
            assertEquals(Set.of("GPP_C"), p.baseline.changed(p.store().values()));
        }
    }
}
