package org.mppfw.upgrade.internal.sets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.layout.FirmwareState;
import org.mppfw.layout.SlotLayout;
import org.mppfw.layout.SlotManifest;
import org.mppfw.upgrade.internal.image.LoadsException;
import org.mppfw.upgrade.internal.image.LoadsManifest;
import org.mppfw.upgrade.internal.image.LoadsWriter;

/**
 * The bundle sets, where the firmware layout has them ({@link SlotLayout}): the image's own set
 * ({@code <image>/etc/bundles.list}, {@code <image>/bundles/}, release in
 * {@code <image>/etc/firmware.properties}) and the slots {@code <data>/firmware/slots/a|b}, each
 * holding a verified image's {@code manifest.properties}, {@code manifest.sig} and {@code bundles/}.
 */
public final class BundleSets {


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
        return SlotLayout.slotDir(dataDir, slot);
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
            m = LoadsManifest.parse(Files.readAllBytes(root.resolve(SlotManifest.FILE)));
        } catch (LoadsException e) {
            throw new IOException("slot " + name + ": " + e.getMessage(), e);
        }
        return new BundleSet(name, m.version(), members(root, m));
    }

    /** The version of a set, or null when it cannot be read. */
    public FirmwareVersion versionOf(String name) {
        try {
            if (FirmwareState.FACTORY.equals(name)) {
                return factoryVersion();
            }
            return LoadsManifest.parse(Files.readAllBytes(slotDir(name).resolve(SlotManifest.FILE))).version();
        } catch (IOException | LoadsException | IllegalArgumentException e) {
            return null;
        }
    }

    private FirmwareVersion factoryVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(image.resolve(SlotLayout.FIRMWARE_PROPERTIES))) {
            p.load(in);
        }
        return FirmwareVersion.parse(p.getProperty(SlotLayout.RELEASE_KEY, "").trim());
    }

    /** The image's own set, described as the build describes it for its {@code .loads}. */
    private BundleSet loadFactory() throws IOException {
        LoadsManifest m = LoadsWriter.describe(image, factoryVersion(), List.of(), java.util.Optional.empty());
        return new BundleSet(FirmwareState.FACTORY, m.version(), members(image, m));
    }

    private static List<BundleSet.Member> members(Path root, LoadsManifest m) {
        List<BundleSet.Member> members = new ArrayList<>();
        for (SlotManifest.Bundle b : m.bundles()) {
            members.add(new BundleSet.Member(b.symbolicName(), b.bundleVersion(), b.startLevel(), b.jar(root),
                    b.sha256()));
        }
        return members;
    }
}
