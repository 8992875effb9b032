package org.mppfw.upgrade.internal.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.layout.BundleList;
import org.mppfw.layout.Sha256;
import org.mppfw.layout.SlotLayout;
import org.mppfw.layout.SlotManifest;

/** Builds {@code .loads} images from a laid-out firmware image ({@code etc/bundles.list} and {@code bundles/}). */
public final class LoadsWriter {

    private LoadsWriter() {
    }

    /**
     * The manifest of an image dir: every bundle of {@code etc/bundles.list} with its start
     * level, and no jar in {@code bundles/} that the list leaves out.
     *
     * @throws IOException if the list is malformed, the list and the folder disagree or a jar is not a bundle
     */
    public static LoadsManifest describe(Path imageDir, FirmwareVersion version, List<String> models,
            Optional<FirmwareVersion> minVersion) throws IOException {
        BundleList list;
        try {
            list = BundleList.read(imageDir.resolve(BundleList.FILE));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<SlotManifest.Bundle> bundles = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        String prefix = SlotLayout.BUNDLES + "/";
        for (BundleList.Entry e : list.entries()) {
            String file = e.path().startsWith(prefix) ? e.path().substring(prefix.length()) : "";
            if (!SlotManifest.isBundleFileName(file)) {
                throw new IOException(BundleList.FILE + ": '" + e.path() + "' is not a plain jar file name in "
                        + prefix);
            }
            listed.add(file);
            bundles.add(bundle(imageDir.resolve(SlotLayout.BUNDLES).resolve(file), e.startLevel()));
        }
        try (DirectoryStream<Path> d = Files.newDirectoryStream(imageDir.resolve(SlotLayout.BUNDLES), "*.jar")) {
            for (Path p : d) {
                if (!listed.contains(p.getFileName().toString())) {
                    throw new IOException(prefix + p.getFileName() + " is not in " + BundleList.FILE);
                }
            }
        }
        return new LoadsManifest(version, models, minVersion, bundles);
    }

    /** Size, SHA-256, symbolic name and version of one jar. */
    public static SlotManifest.Bundle bundle(Path jar, int startLevel) throws IOException {
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
        return new SlotManifest.Bundle(jar.getFileName().toString(), bsn, version, startLevel, Files.size(jar),
                Sha256.of(jar));
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
        for (SlotManifest.Bundle b : manifest.bundles()) {
            Path jar = bundlesDir.resolve(b.file());
            if (!b.matches(jar)) {
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
