/**
 * The firmware layout of the image and the data dir, shared by the launcher and the bundles: the
 * firmware state record ({@link org.mppfw.layout.FirmwareState}), the boot history
 * ({@link org.mppfw.layout.BootHistory}), the reboot request ({@link org.mppfw.layout.RebootRequest})
 * and the durable write they all use ({@link org.mppfw.layout.Durable}); where the bundle sets are
 * ({@link org.mppfw.layout.SlotLayout}), the image's bundle list ({@link org.mppfw.layout.BundleList})
 * and the bundle lines of a slot's manifest with the size and SHA-256 check of its jars
 * ({@link org.mppfw.layout.SlotManifest}, {@link org.mppfw.layout.Sha256}); the framework properties
 * the launcher sets ({@link org.mppfw.layout.LaunchProperties}); the running phone's console: where
 * its socket is ({@link org.mppfw.layout.ConsoleAddress}), the frames of its protocol
 * ({@link org.mppfw.layout.ConsoleFrame}) and the commands of {@code -c}
 * ({@link org.mppfw.layout.CommandScript}), which the launcher and the console bundle both speak;
 * plus the test-only fault points ({@link org.mppfw.layout.FaultPoint}).
 * Every other file the phone keeps (parameters, device identity, customization state, custom CA,
 * the saved screen) goes through the same durable write.
 * <p>
 * Written here rather than taken from a library: these are a few small files of the phone's own
 * format whose whole point is that the launcher (not a bundle) and the bundles read them alike.
 * The package has no dependency, so the launcher puts it on its class path and each bundle that
 * needs it embeds a private copy at build time.
 */
package org.mppfw.layout;
