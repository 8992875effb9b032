package org.mppfw.upgrade.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.layout.BundleList;
import org.mppfw.upgrade.internal.image.LoadsManifest;
import org.mppfw.upgrade.internal.image.LoadsWriter;

/**
 * Builds {@code .loads} images; the build runs it with {@code mppfw-upgrade.jar:mppfw-api.jar} on
 * the class path, and signs the manifest in between with the crypto bundle's {@code CryptoTool}:
 * <pre>
 *   manifest --image DIR --version V --models M[,M...] [--min-version V] --out FILE
 *            write the manifest of a laid-out image (etc/bundles.list, bundles/)
 *   pack     --image DIR --manifest FILE --sig SIG --out FILE.loads
 *            write the image: manifest, signature, then the listed jars
 *   derive   --image DIR --out DIR [--change JAR=QUALIFIER]... [--add LEVEL:JAR]... [--remove JAR]...
 *            lay out a later bundle set from an image: JAR rebuilt with QUALIFIER as the
 *            qualifier of its Bundle-Version (a changed bundle), a jar added at a start level,
 *            a jar removed (for test and demo images; sign and pack it as above)
 * </pre>
 * Exit status: 0 done, 1 failed (one line on stderr), 2 usage.
 */
public final class LoadsTool {

    private LoadsTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usage(err);
        }
        if (args[0].equals("derive")) {
            return derive(Arrays.asList(args).subList(1, args.length), out, err);
        }
        Map<String, String> opts = new HashMap<>();
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        for (int i = 0; i < rest.size(); i += 2) {
            if (!rest.get(i).startsWith("--") || i + 1 >= rest.size()) {
                return usage(err);
            }
            opts.put(rest.get(i).substring(2), rest.get(i + 1));
        }
        try {
            switch (args[0]) {
                case "manifest": {
                    String image = opts.get("image");
                    String version = opts.get("version");
                    String models = opts.get("models");
                    String target = opts.get("out");
                    if (image == null || version == null || models == null || target == null) {
                        return usage(err);
                    }
                    String min = opts.getOrDefault("min-version", "");
                    LoadsManifest m = LoadsWriter.describe(Path.of(image), FirmwareVersion.parse(version),
                            Arrays.stream(models.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                            min.isBlank() ? Optional.empty() : Optional.of(FirmwareVersion.parse(min)));
                    Path file = Path.of(target);
                    Files.write(file, m.toBytes());
                    LoadsManifest.parse(Files.readAllBytes(file)); // what was written reads back
                    out.println("manifest of " + m.version() + " with " + m.bundles().size() + " bundles -> " + file);
                    return 0;
                }
                case "pack": {
                    String image = opts.get("image");
                    String manifest = opts.get("manifest");
                    String sig = opts.get("sig");
                    String target = opts.get("out");
                    if (image == null || manifest == null || sig == null || target == null) {
                        return usage(err);
                    }
                    Path file = Path.of(target);
                    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                    try (OutputStream o = Files.newOutputStream(tmp)) {
                        LoadsWriter.write(o, Files.readAllBytes(Path.of(manifest)), Files.readAllBytes(Path.of(sig)),
                                Path.of(image).resolve("bundles"));
                    } catch (IOException | RuntimeException e) {
                        Files.deleteIfExists(tmp);
                        throw e;
                    }
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    out.println("image " + file + " (" + Files.size(file) + " bytes)");
                    return 0;
                }
                default:
                    return usage(err);
            }
        } catch (IOException | IllegalArgumentException | org.mppfw.upgrade.internal.image.LoadsException e) {
            String m = e instanceof java.nio.file.NoSuchFileException n ? "no such file: " + n.getFile() : e.getMessage();
            err.println(args[0] + ": " + m);
            return 1;
        }
    }

    private static int derive(List<String> args, PrintStream out, PrintStream err) {
        Path image = null;
        Path target = null;
        List<String[]> changes = new java.util.ArrayList<>();
        List<String[]> adds = new java.util.ArrayList<>();
        List<String> removes = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                return usage(err);
            }
            String v = args.get(i + 1);
            switch (args.get(i)) {
                case "--image" -> image = Path.of(v);
                case "--out" -> target = Path.of(v);
                case "--change" -> {
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        return usage(err);
                    }
                    changes.add(new String[] {v.substring(0, eq), v.substring(eq + 1)});
                }
                case "--add" -> {
                    int colon = v.indexOf(':');
                    if (colon <= 0) {
                        return usage(err);
                    }
                    adds.add(new String[] {v.substring(0, colon), v.substring(colon + 1)});
                }
                case "--remove" -> removes.add(v);
                default -> {
                    return usage(err);
                }
            }
        }
        if (image == null || target == null) {
            return usage(err);
        }
        try {
            Files.createDirectories(target.resolve("bundles"));
            Files.createDirectories(target.resolve("etc"));
            List<String> list = new java.util.ArrayList<>(Files.readAllLines(image.resolve(BundleList.FILE)));
            try (var jars = Files.list(image.resolve("bundles"))) {
                for (Path jar : (Iterable<Path>) jars::iterator) {
                    Files.copy(jar, target.resolve("bundles").resolve(jar.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (String[] c : changes) {
                Path jar = target.resolve("bundles").resolve(c[0]);
                if (!Files.isRegularFile(jar)) {
                    throw new java.nio.file.NoSuchFileException(jar.toString());
                }
                Files.write(jar, requalify(jar, c[1]));
            }
            for (String r : removes) {
                Files.delete(target.resolve("bundles").resolve(r));
                list.removeIf(l -> l.trim().endsWith(" bundles/" + r));
            }
            for (String[] a : adds) {
                Path jar = Path.of(a[1]);
                Files.copy(jar, target.resolve("bundles").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                list.add(Integer.parseInt(a[0]) + " bundles/" + jar.getFileName());
            }
            Files.write(target.resolve(BundleList.FILE), list);
            out.println("bundle set " + target + ": " + changes.size() + " changed, " + adds.size() + " added, "
                    + removes.size() + " removed");
            return 0;
        } catch (IOException | RuntimeException e) {
            String m = e instanceof java.nio.file.NoSuchFileException n ? "no such file: " + n.getFile() : e.getMessage();
            err.println("derive: " + m);
            return 1;
        }
    }

    /** The jar with {@code qualifier} as the qualifier of its Bundle-Version; entries unchanged. */
    static byte[] requalify(Path jar, String qualifier) throws IOException {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Manifest m = new java.util.jar.Manifest(in.getManifest());
            String v = m.getMainAttributes().getValue("Bundle-Version");
            String[] p = (v == null ? "0.0.0" : v.trim()).split("\\.");
            String base = (p.length > 0 ? p[0] : "0") + "." + (p.length > 1 ? p[1] : "0") + "." + (p.length > 2 ? p[2] : "0");
            m.getMainAttributes().putValue("Bundle-Version", base + "." + qualifier);
            try (java.util.jar.JarOutputStream o = new java.util.jar.JarOutputStream(buf, m)) {
                for (var e = in.entries(); e.hasMoreElements(); ) {
                    java.util.jar.JarEntry entry = e.nextElement();
                    if (entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    o.putNextEntry(new java.util.jar.JarEntry(entry.getName()));
                    try (InputStream is = in.getInputStream(entry)) {
                        is.transferTo(o);
                    }
                    o.closeEntry();
                }
            }
        }
        return buf.toByteArray();
    }

    private static int usage(PrintStream err) {
        err.println("usage: LoadsTool manifest --image DIR --version V --models M[,M...] [--min-version V] --out FILE");
        err.println("       LoadsTool pack --image DIR --manifest FILE --sig SIG --out FILE.loads");
        err.println("       LoadsTool derive --image DIR --out DIR [--change JAR=QUALIFIER]... [--add LEVEL:JAR]... [--remove JAR]...");
        return 2;
    }
}
