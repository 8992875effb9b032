package org.mppfw.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Later firmware images for the upgrade tests, made from the built image with the project's own
 * tools, as a release would be: {@code LoadsTool derive} lays out the image's bundle set with its
 * changes (a bundle changed, one added, one removed), then {@code LoadsTool manifest},
 * {@code CryptoTool sign} with the build's signing key, and {@code LoadsTool pack} make the
 * {@code .loads}.
 */
final class TestImages {

    static final String FAMILY = "sip88xx";
    static final String MODELS = "CP-8811-3PCC,CP-8841-3PCC,CP-8845-3PCC,CP-8851-3PCC,CP-8861-3PCC,CP-8865-3PCC";

    private final Path image;
    private final Path key;
    private final Path work;

    /**
     * @param image the built image dir
     * @param key   the private key that signs (the build's test key)
     * @param work  a scratch dir
     */
    TestImages(Path image, Path key, Path work) {
        this.image = image;
        this.key = key;
        this.work = work;
    }

    /** The same images signed by another key. */
    TestImages signedBy(Path otherKey) {
        return new TestImages(image, otherKey, work);
    }

    /** A new Ed25519 key pair; returns the private key. */
    Path newKey(String name) throws IOException, InterruptedException {
        Path priv = work.resolve(name + ".key.pem");
        tool("org.mppfw.crypto.internal.cli.CryptoTool", "keygen", "--private", priv.toString(), "--public",
                work.resolve(name + ".pub.pem").toString());
        return priv;
    }

    /** A later bundle set of the image, laid out by {@code LoadsTool derive} when it is built. */
    Draft draft(String name) {
        return new Draft(work.resolve("draft-" + name));
    }

    /** A bundle set being described: the changes {@code LoadsTool derive} makes to the image's set. */
    final class Draft {
        final Path dir;
        private final List<String> derive = new ArrayList<>();

        Draft(Path dir) {
            this.dir = dir;
        }

        /** Changes a bundle: same classes, {@code qualifier} as its Bundle-Version qualifier, so a new jar. */
        Draft change(String jar, String qualifier) {
            derive.addAll(List.of("--change", jar + "=" + qualifier));
            return this;
        }

        /** Adds a bundle jar at a start level. */
        Draft add(int level, Path jar) {
            derive.addAll(List.of("--add", level + ":" + jar));
            return this;
        }

        /** Removes a bundle jar. */
        Draft remove(String jar) {
            derive.addAll(List.of("--remove", jar));
            return this;
        }

        /** Builds and signs the image; {@code release} as {@code 12-0-2MPP0001-1}. */
        Path build(String release, Path out) throws IOException, InterruptedException {
            return build(release, MODELS, out);
        }

        Path build(String release, String models, Path out) throws IOException, InterruptedException {
            List<String> args = new ArrayList<>(List.of("derive", "--image", image.toString(), "--out", dir.toString()));
            args.addAll(derive);
            tool("org.mppfw.upgrade.internal.cli.LoadsTool", args.toArray(new String[0]));
            Path manifest = dir.resolve("manifest.properties");
            Path sig = dir.resolve("manifest.sig");
            tool("org.mppfw.upgrade.internal.cli.LoadsTool", "manifest", "--image", dir.toString(), "--version",
                    FAMILY + "." + release, "--models", models, "--out", manifest.toString());
            tool("org.mppfw.crypto.internal.cli.CryptoTool", "sign", "--key", key.toString(), "--out", sig.toString(),
                    manifest.toString());
            Files.createDirectories(out.getParent());
            tool("org.mppfw.upgrade.internal.cli.LoadsTool", "pack", "--image", dir.toString(), "--manifest",
                    manifest.toString(), "--sig", sig.toString(), "--out", out.toString());
            return out;
        }
    }

    /**
     * A later build of one of the image's bundles: the same jar with {@code qualifier} as the
     * qualifier of its Bundle-Version and {@code extra} appended to its resource {@code entry},
     * as a build of that bundle with a longer resource would be. The jar keeps its file name.
     */
    Path appended(String jar, String entry, String extra, String qualifier) throws IOException {
        Path out = work.resolve("appended-" + qualifier).resolve(jar);
        Files.createDirectories(out.getParent());
        try (JarFile in = new JarFile(image.resolve("bundles").resolve(jar).toFile())) {
            Manifest m = new Manifest(in.getManifest());
            String v = m.getMainAttributes().getValue("Bundle-Version");
            String[] p = v.trim().split("\\.");
            m.getMainAttributes().putValue("Bundle-Version", p[0] + "." + p[1] + "." + p[2] + "." + qualifier);
            boolean found = false;
            try (OutputStream o = Files.newOutputStream(out); JarOutputStream j = new JarOutputStream(o, m)) {
                for (var e = in.entries(); e.hasMoreElements(); ) {
                    JarEntry x = e.nextElement();
                    if (x.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    j.putNextEntry(new JarEntry(x.getName()));
                    try (InputStream data = in.getInputStream(x)) {
                        data.transferTo(j);
                    }
                    if (x.getName().equals(entry)) {
                        j.write(extra.getBytes(StandardCharsets.UTF_8));
                        found = true;
                    }
                    j.closeEntry();
                }
            }
            if (!found) {
                throw new IOException(jar + " has no " + entry);
            }
        }
        return out;
    }

    /** The start level at which the image installs a bundle jar. */
    int level(String jar) throws IOException {
        for (String line : Files.readAllLines(image.resolve("etc/bundles.list"))) {
            String l = line.trim();
            if (l.endsWith(" bundles/" + jar)) {
                return Integer.parseInt(l.substring(0, l.indexOf(' ')));
            }
        }
        throw new IOException("the image lists no " + jar);
    }

    private void tool(String main, String... args) throws IOException, InterruptedException {
        String cp = String.join(":", image.resolve("bundles/mppfw-upgrade.jar").toString(),
                image.resolve("bundles/mppfw-crypto.jar").toString(), image.resolve("bundles/mppfw-api.jar").toString(),
                image.resolve("bundles/bcprov-jdk18on.jar").toString());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, main));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(main + " " + String.join(" ", args) + " failed: " + out);
        }
    }

    /**
     * A bundle jar made here: a manifest, an optional Declarative Services component whose class
     * comes from this test's class path, and optional imports.
     *
     * @param bsn        its symbolic name
     * @param component  the component class (from the test class path), or null
     * @param imports    an Import-Package header, or null
     */
    Path bundle(String bsn, Class<?> component, String imports) throws IOException {
        return bundle(bsn, component, imports, null);
    }

    /** As {@link #bundle(String, Class, String)}, the component providing {@code service} if not null. */
    Path bundle(String bsn, Class<?> component, String imports, String service) throws IOException {
        Path jar = work.resolve(bsn + ".jar");
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", "1.0.0");
        if (imports != null) {
            a.putValue("Import-Package", imports);
        }
        if (component != null) {
            a.putValue("Service-Component", "OSGI-INF/component.xml");
            a.putValue("Private-Package", component.getPackageName());
        }
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(o, m)) {
            if (component != null) {
                String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + bsn
                        + "\" immediate=\"true\"" + (hasActivate(component) ? " activate=\"activate\"" : "") + ">\n"
                        + "  <implementation class=\"" + component.getName() + "\"/>\n"
                        + (service == null ? "" : "  <service><provide interface=\"" + service + "\"/></service>\n"
                        // the test's service wins over the image's own (the SIP bundle's line state)
                        + "  <property name=\"service.ranking\" type=\"Integer\" value=\"100\"/>\n")
                        + "</scr:component>\n";
                out.putNextEntry(new JarEntry("OSGI-INF/component.xml"));
                out.write(xml.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
                String path = component.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(path));
                try (InputStream in = component.getClassLoader().getResourceAsStream(path)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private static boolean hasActivate(Class<?> c) {
        return java.util.Arrays.stream(c.getMethods()).anyMatch(m -> m.getName().equals("activate"));
    }
}
