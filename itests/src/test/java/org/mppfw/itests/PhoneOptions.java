package org.mppfw.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

import org.mppfw.layout.BundleList;
import org.mppfw.testing.TempDirs;
import org.ops4j.pax.exam.Option;

/**
 * The phone's runtime as Pax Exam options: the bundles of the built image, as its
 * {@code etc/bundles.list} lists them (the launcher's own parser reads it), with the image's start
 * levels for logging (level 1, so that SLF4J binds before anything logs) and without the
 * interactive shell, as the launcher runs a batch.
 */
final class PhoneOptions {

    static final String MAC = "00:0e:08:01:23:45";
    /** Framework property: the symbolic names of the image's bundles this runtime installed, comma-separated. */
    static final String IMAGE_BUNDLES = "mppfw.itests.image.bundles";

    private PhoneOptions() {
    }

    /** The runtime with a data dir of the caller's choosing. */
    static Option phone(Path dataDir) {
        List<Option> options = new ArrayList<>(List.of(
                frameworkProperty("mppfw.data.dir").value(dataDir.toString()),
                frameworkProperty("mppfw.mac").value(MAC),
                frameworkProperty("mppfw.serial").value("FCH2345ABCD"),
                junitBundles(),
                cleanCaches(true)));
        Path image = image();
        // the image's logging (etc/logback.xml): warnings on stderr, the ring in the data dir
        options.add(systemProperty("logback.configurationFile").value(image.resolve("etc/logback.xml").toString()));
        options.add(systemProperty("mppfw.log.dir").value(dataDir.resolve("log").toString()));
        options.add(systemProperty("mppfw.log.console").value("WARN"));
        List<String> names = new ArrayList<>();
        try {
            for (BundleList.Entry e : BundleList.read(image.resolve(BundleList.FILE)).forMode(false)) {
                Path jar = image.resolve(e.path());
                names.add(symbolicName(jar));
                options.add(e.startLevel() == BundleList.LOGGING_LEVEL
                        ? bundle(jar.toUri().toString()).startLevel(BundleList.LOGGING_LEVEL)
                        : bundle(jar.toUri().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image's bundle list in " + image, e);
        }
        options.add(frameworkProperty(IMAGE_BUNDLES).value(String.join(",", names)));
        return composite(options.toArray(new Option[0]));
    }

    /** The image the build unpacked (system property {@code mppfw.image}). */
    static Path image() {
        Path image = Path.of(System.getProperty("mppfw.image", "target/image"));
        if (!Files.isRegularFile(image.resolve(BundleList.FILE))) {
            throw new IllegalStateException("no image in " + image + ": build the distribution first");
        }
        return image;
    }

    private static String symbolicName(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            String bsn = f.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
            return bsn.split(";")[0].trim();
        }
    }

    /** A new data dir, deleted with everything in it when the test JVM exits. */
    static Path tempDataDir(String name) {
        return TempDirs.deletedAtExit("mppfw-itest-" + name);
    }
}
