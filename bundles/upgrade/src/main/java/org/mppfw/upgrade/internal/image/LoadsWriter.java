package org.mppfw.upgrade.internal.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.mppfw.api.firmware.FirmwareVersion;

/** Builds {@code .loads} images from a laid-out firmware image ({@code etc/bundles.list} and {@code bundles/}). */
public final class LoadsWriter {

    private LoadsWriter() {
    }

    /**
     * The manifest of an image dir: every bundle of {@code etc/bundles.list} with its start
     * level, and no jar in {@code bundles/} that the list leaves out.
     *
     * @throws IOException if the list and the folder disagree or a jar is not a bundle
     */
    public static LoadsManifest describe(Path imageDir, FirmwareVersion version, List<String> models,
            Optional<FirmwareVersion> minVersion) throws IOException {
        List<LoadsManifest.Bundle> bundles = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        int n = 0;
        for (String raw : Files.readAllLines(imageDir.resolve("etc/bundles.list"), StandardCharsets.UTF_8)) {
            n++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 2 || !parts[0].matches("\\d{1,3}") || !parts[1].startsWith("bundles/")) {
                throw new IOException("etc/bundles.list line " + n + ": expected 'START-LEVEL bundles/FILE.jar'");
            }
            String file = parts[1].substring("bundles/".length());
            if (!LoadsManifest.isBundleFileName(file)) {
                throw new IOException("etc/bundles.list line " + n + ": '" + file + "' is not a plain jar file name");
            }
            listed.add(file);
            bundles.add(bundle(imageDir.resolve("bundles").resolve(file), Integer.parseInt(parts[0])));
        }
        try (DirectoryStream<Path> d = Files.newDirectoryStream(imageDir.resolve("bundles"), "*.jar")) {
            for (Path p : d) {
                if (!listed.contains(p.getFileName().toString())) {
                    throw new IOException("bundles/" + p.getFileName() + " is not in etc/bundles.list");
                }
            }
        }
        return new LoadsManifest(version, models, minVersion, bundles);
    }

    /** Size, SHA-256, symbolic name and version of one jar. */
    public static LoadsManifest.Bundle bundle(Path jar, int startLevel) throws IOException {
        String bsn;
        String version;
        try (JarFile j = new JarFile(jar.toFile(), false)) {
            Manifest m = j.getManifest();
            bsn = m == null ? null : LoadsVerifier.symbolicName(m);
            if (bsn == null) {
                throw new IOException(jar.getFileName() + " has no Bundle-SymbolicName");
            }
            version = LoadsVerifier.bundleVersion(m);
        }
        return new LoadsManifest.Bundle(jar.getFileName().toString(), bsn, version, startLevel, Files.size(jar),
                sha256(jar));
    }

    /** The SHA-256 of a file, lower-case hex. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes an image: the manifest's exact bytes, their signature, then each listed jar from
     * {@code bundlesDir}, in the manifest's order.
     *
     * @throws IOException if a jar differs from what the manifest says of it
     */
    public static void write(OutputStream out, byte[] manifestBytes, byte[] signature, Path bundlesDir)
            throws IOException {
        LoadsManifest manifest;
        try {
            manifest = LoadsManifest.parse(manifestBytes);
        } catch (LoadsException e) {
            throw new IOException(e.getMessage(), e);
        }
        Tar.Writer tar = new Tar.Writer(out);
        tar.add(LoadsVerifier.MANIFEST, manifestBytes);
        tar.add(LoadsVerifier.SIGNATURE, signature);
        for (LoadsManifest.Bundle b : manifest.bundles()) {
            Path jar = bundlesDir.resolve(b.file());
            if (Files.size(jar) != b.size() || !sha256(jar).equals(b.sha256())) {
                throw new IOException(b.file() + " changed since the manifest was made");
            }
            tar.begin(b.entryName(), b.size());
            try (InputStream in = Files.newInputStream(jar)) {
                if (in.transferTo(out) != b.size()) {
                    throw new IOException(b.file() + " changed while it was written");
                }
            }
            tar.pad(b.size());
        }
        tar.finish();
    }
}
