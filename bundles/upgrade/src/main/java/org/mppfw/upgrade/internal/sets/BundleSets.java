package org.mppfw.upgrade.internal.sets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.upgrade.internal.image.LoadsException;
import org.mppfw.upgrade.internal.image.LoadsManifest;
import org.mppfw.upgrade.internal.state.FirmwareState;

/**
 * Where the bundle sets live: the image's own set ({@code <image>/etc/bundles.list},
 * {@code <image>/bundles/}, release in {@code <image>/etc/firmware.properties}) and the slots
 * {@code <data>/firmware/slots/a|b}, each holding a verified image's {@code manifest.properties},
 * {@code manifest.sig} and {@code bundles/}.
 */
public final class BundleSets {

    public static final String SLOTS = "firmware/slots";
    public static final String STAGING = "firmware/staging";
    public static final String DOWNLOADS = "firmware/download";

    private final Path image;
    private final Path dataDir;
    private volatile BundleSet factory;

    public BundleSets(Path image, Path dataDir) {
        this.image = image;
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path slotDir(String slot) {
        return dataDir.resolve(SLOTS).resolve(slot);
    }

    /** Loads a set by name. */
    public BundleSet load(String name) throws IOException {
        if (FirmwareState.FACTORY.equals(name)) {
            BundleSet f = factory;
            if (f == null) {
                f = loadFactory();
                factory = f;
            }
            return f;
        }
        Path root = slotDir(name);
        LoadsManifest m;
        try {
            m = LoadsManifest.parse(Files.readAllBytes(root.resolve("manifest.properties")));
        } catch (LoadsException e) {
            throw new IOException("slot " + name + ": " + e.getMessage(), e);
        }
        List<BundleSet.Member> members = new ArrayList<>();
        for (LoadsManifest.Bundle b : m.bundles()) {
            members.add(new BundleSet.Member(b.symbolicName(), b.bundleVersion(), b.startLevel(),
                    root.resolve("bundles").resolve(b.file()), b.sha256()));
        }
        return new BundleSet(name, m.version(), members);
    }

    /** The version of a set, or null when it cannot be read. */
    public FirmwareVersion versionOf(String name) {
        try {
            if (FirmwareState.FACTORY.equals(name)) {
                return factoryVersion();
            }
            return LoadsManifest.parse(Files.readAllBytes(slotDir(name).resolve("manifest.properties"))).version();
        } catch (IOException | LoadsException | IllegalArgumentException e) {
            return null;
        }
    }

    private FirmwareVersion factoryVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(image.resolve("etc/firmware.properties"))) {
            p.load(in);
        }
        return FirmwareVersion.parse(p.getProperty("release", "").trim());
    }

    private BundleSet loadFactory() throws IOException {
        List<BundleSet.Member> members = new ArrayList<>();
        for (String raw : Files.readAllLines(image.resolve("etc/bundles.list"), StandardCharsets.UTF_8)) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            Path jar = image.resolve(parts[1]);
            String bsn;
            String version;
            try (JarFile jf = new JarFile(jar.toFile())) {
                Manifest mf = jf.getManifest();
                String raw2 = mf == null ? null : mf.getMainAttributes().getValue("Bundle-SymbolicName");
                if (raw2 == null) {
                    throw new IOException(parts[1] + " is not a bundle");
                }
                bsn = raw2.split(";")[0].trim();
                String v = mf.getMainAttributes().getValue("Bundle-Version");
                version = v == null ? "0.0.0" : v.trim();
            }
            members.add(new BundleSet.Member(bsn, version, Integer.parseInt(parts[0]), jar, sha256(jar)));
        }
        return new BundleSet(FirmwareState.FACTORY, factoryVersion(), members);
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
