package org.mppfw.upgrade.internal.cli;

import java.io.IOException;
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

    private static int usage(PrintStream err) {
        err.println("usage: LoadsTool manifest --image DIR --version V --models M[,M...] [--min-version V] --out FILE");
        err.println("       LoadsTool pack --image DIR --manifest FILE --sig SIG --out FILE.loads");
        return 2;
    }
}
