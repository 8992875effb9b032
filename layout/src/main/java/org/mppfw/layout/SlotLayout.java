package org.mppfw.layout;

import java.nio.file.Path;

/**
 * Where the bundle sets are. The factory set is the image's own: {@link BundleList#FILE},
 * {@value #BUNDLES}/ and its release in {@value #FIRMWARE_PROPERTIES}. An upgrade slot is
 * {@code <data>/}{@value #SLOTS}{@code /a} or {@code /b}, holding a verified image's
 * {@link SlotManifest#FILE}, {@link SlotManifest#SIGNATURE} and {@value #BUNDLES}/; an image being
 * verified is written to {@value #STAGING} and downloads go to {@value #DOWNLOADS}, both in the
 * data dir.
 */
public final class SlotLayout {

    /** The slots, in the data dir. */
    public static final String SLOTS = "firmware/slots";
    /** Where a verified image is written before it becomes a slot, in the data dir. */
    public static final String STAGING = "firmware/staging";
    /** Where images are downloaded to, in the data dir. */
    public static final String DOWNLOADS = "firmware/download";
    /** The jars of a set, in its root (the image, a slot, the staging dir). */
    public static final String BUNDLES = "bundles";
    /** The image's firmware release, relative to the image. */
    public static final String FIRMWARE_PROPERTIES = "etc/firmware.properties";
    /** The key of the release in {@value #FIRMWARE_PROPERTIES}, e.g. {@code 12-0-1MPP0001-1}. */
    public static final String RELEASE_KEY = "release";

    private SlotLayout() {
    }

    /** The root of slot {@code a} or {@code b}. */
    public static Path slotDir(Path dataDir, String slot) {
        return dataDir.resolve(SLOTS).resolve(slot);
    }
}
