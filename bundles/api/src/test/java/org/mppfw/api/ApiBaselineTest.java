package org.mppfw.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;

/**
 * The semantic versions of the exported packages against the checked-in baseline jar, with
 * bnd's own baseline: a package that changed needs at least the version bnd suggests (see the
 * api's pom for how to bump a package and refresh the baseline).
 */
class ApiBaselineTest {

    static Path property(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null && !value.isBlank(), name + " is not set (run through Maven)");
        return Path.of(value);
    }

    @Test
    void everyExportedPackageIsVersionedForWhatChangedSinceTheBaseline() throws Exception {
        Path baseline = property("mppfw.api.baseline");
        Path classes = property("mppfw.api.classes");
        Path report = property("mppfw.api.report");
        assertTrue(Files.isRegularFile(baseline), "the baseline jar " + baseline + " is missing: the api's"
                + " package versions cannot be checked (see bundles/api/pom.xml)");
        assertTrue(Files.isRegularFile(classes.resolve("META-INF/MANIFEST.MF")), "no manifest in " + classes);

        List<Baseline.Info> infos;
        try (Processor reporter = new Processor();
                Jar newer = new Jar(classes.toFile());
                Jar older = new Jar(baseline.toFile())) {
            infos = new ArrayList<>(new Baseline(reporter, new DiffPluginImpl()).baseline(newer, older, null));
        }
        infos.sort(Comparator.comparing(i -> i.packageName));
        assertFalse(infos.isEmpty(), "no exported package compared");

        StringBuilder text = new StringBuilder(String.format("%-2s%-32s %-10s %-10s %-10s %s%n", "", "package",
                "delta", "new", "old", "suggested"));
        List<String> problems = new ArrayList<>();
        for (Baseline.Info i : infos) {
            Delta delta = i.packageDiff.getDelta();
            boolean bad = i.mismatch || delta == Delta.REMOVED;
            text.append(String.format("%-2s%-32s %-10s %-10s %-10s %s%n", bad ? "*" : "", i.packageName, delta,
                    i.newerVersion, i.olderVersion, i.suggestedVersion == null ? "-" : i.suggestedVersion));
            if (i.mismatch) {
                problems.add(i.packageName + ": " + delta + " change needs version " + i.suggestedVersion
                        + " (is " + i.newerVersion + ")\n" + i.reason);
            } else if (delta == Delta.REMOVED) {
                problems.add(i.packageName + ": no longer exported (an incompatible change of the api)");
            }
        }
        for (Baseline.Info i : infos) {
            if (i.mismatch) {
                text.append(String.format("%n%s%n%#2S%n", i.packageName, i.packageDiff));
            }
        }
        Files.createDirectories(report.getParent());
        Files.writeString(report, text);
        assertTrue(problems.isEmpty(), "package versions do not match the api changes since "
                + baseline.getFileName() + ":\n" + String.join("\n", problems) + "\n" + text);
    }
}
