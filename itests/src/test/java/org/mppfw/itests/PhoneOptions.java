package org.mppfw.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ops4j.pax.exam.Option;

/**
 * The phone's runtime as Pax Exam options: the same bundles and start levels as the image
 * (logging at start level 1 so that SLF4J binds before anything logs), and the phone's own
 * bundles straight from the reactor build.
 */
final class PhoneOptions {

    static final String MAC = "00:0e:08:01:23:45";

    private PhoneOptions() {
    }

    /** The runtime with a data dir of the caller's choosing. */
    static Option phone(Path dataDir) {
        List<Option> options = new ArrayList<>(List.of(
                frameworkProperty("mppfw.data.dir").value(dataDir.toString()),
                frameworkProperty("mppfw.mac").value(MAC),
                frameworkProperty("mppfw.serial").value("FCH2345ABCD"),
                systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn"),
                systemProperty("org.slf4j.simpleLogger.logFile").value("System.err"),
                mavenBundle("org.ow2.asm", "asm").versionAsInProject().startLevel(1),
                mavenBundle("org.ow2.asm", "asm-commons").versionAsInProject().startLevel(1),
                mavenBundle("org.ow2.asm", "asm-tree").versionAsInProject().startLevel(1),
                mavenBundle("org.ow2.asm", "asm-analysis").versionAsInProject().startLevel(1),
                mavenBundle("org.ow2.asm", "asm-util").versionAsInProject().startLevel(1),
                mavenBundle("org.apache.aries.spifly", "org.apache.aries.spifly.dynamic.bundle").versionAsInProject().startLevel(1),
                mavenBundle("org.slf4j", "slf4j-api").versionAsInProject().startLevel(1),
                mavenBundle("org.slf4j", "slf4j-simple").versionAsInProject().startLevel(1),
                mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.runtime").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.command").versionAsInProject(),
                mavenBundle("org.bouncycastle", "bcprov-jdk18on").versionAsInProject(),
                mavenBundle("dnsjava", "dnsjava").versionAsInProject(),
                junitBundles(),
                cleanCaches(true)));
        for (File jar : phoneBundles()) {
            options.add(bundle(jar.toURI().toString()));
        }
        return composite(options.toArray(new Option[0]));
    }

    /** The phone's own bundles, copied from the reactor by the build. */
    static List<File> phoneBundles() {
        File dir = new File(System.getProperty("mppfw.bundles.dir", "target/bundles"));
        File[] jars = dir.listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no phone bundles in " + dir + ": run the build from the root");
        }
        Arrays.sort(jars);
        return List.of(jars);
    }

    /** A new data dir, deleted with everything in it when the test JVM exits. */
    static Path tempDataDir(String name) {
        try {
            Path dir = Files.createTempDirectory("mppfw-itest-" + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
