package org.mppfw.upgrade.internal.swap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.mppfw.upgrade.internal.sets.BundleSet;

/**
 * Tiny bundles built on the fly: a manifest, and where needed a Declarative Services descriptor
 * whose implementation is a JDK class, so that no test class has to be packed into a bundle.
 */
final class TestBundles {

    private final Path dir;

    TestBundles(Path dir) {
        this.dir = dir;
    }

    /** A jar building one bundle. */
    final class Jar {
        private final String bsn;
        private final String version;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> entries = new LinkedHashMap<>();

        private Jar(String bsn, String version) {
            this.bsn = bsn;
            this.version = version;
        }

        Jar header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** An immediate DS component ({@code Service-Component} names its descriptor). */
        Jar component(String name, String implementation, String references) {
            return descriptor(name, true, implementation, references);
        }

        /** A delayed DS component providing {@code service}: created when a bundle first uses it. */
        Jar delayed(String name, String implementation, String service) {
            return descriptor(name, false, implementation,
                    "<service><provide interface=\"" + service + "\"/></service>");
        }

        private Jar descriptor(String name, boolean immediate, String implementation, String body) {
            String path = "OSGI-INF/" + name + ".xml";
            entries.put(path, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s" immediate="%s">
                      <implementation class="%s"/>
                      %s
                    </scr:component>
                    """.formatted(name, immediate, implementation, body));
            headers.merge("Service-Component", path, (a, b) -> a + "," + b);
            return this;
        }

        /** Writes the jar ({@code <bsn>-<version>.jar}) and describes it as a member at {@code level}. */
        BundleSet.Member member(int level) throws IOException {
            Manifest m = new Manifest();
            Attributes a = m.getMainAttributes();
            a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            a.putValue("Bundle-ManifestVersion", "2");
            a.putValue("Bundle-SymbolicName", bsn);
            a.putValue("Bundle-Version", version);
            headers.forEach(a::putValue);
            Path jar = dir.resolve(bsn + "-" + version + ".jar");
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
                for (Map.Entry<String, String> e : entries.entrySet()) {
                    j.putNextEntry(new JarEntry(e.getKey()));
                    j.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                    j.closeEntry();
                }
            }
            return new BundleSet.Member(bsn, version, level, jar, sha256(jar));
        }
    }

    Jar jar(String bsn, String version) {
        return new Jar(bsn, version);
    }

    /** A plain bundle at start level 2. */
    BundleSet.Member plain(String bsn, String version) throws IOException {
        return jar(bsn, version).member(2);
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
