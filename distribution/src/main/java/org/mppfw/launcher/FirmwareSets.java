package org.mppfw.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.mppfw.layout.BundleList;
import org.mppfw.layout.FirmwareState;
import org.mppfw.layout.SlotLayout;
import org.mppfw.layout.SlotManifest;

/**
 * The bundle sets the phone can boot: the image's own ({@code factory}: {@code etc/bundles.list},
 * {@code bundles/}, release from {@code etc/firmware.properties}) and the two upgrade slots
 * {@code <data>/firmware/slots/a|b}, each a verified image's {@code manifest.properties} and
 * {@code bundles/*.jar} ({@link SlotLayout}). Before a slot is booted every jar is checked against
 * the size and SHA-256 its manifest gives ({@link SlotManifest}, as the upgrade checks them), so a
 * damaged slot is never half-booted.
 * <p>
 * At every power-on {@link #choose} makes the decision the state record asks for: a pending set
 * gets one of its boot attempts (or, when none are left, the committed set comes back), and the
 * record says what runs. The record's format is the firmware layout's ({@link FirmwareState}),
 * the same classes the upgrade bundle writes it with.
 */
final class FirmwareSets {

    /** A set to boot: where its jars are, in which order and level, and its release. */
    record BootSet(String name, Path root, List<BundleList.Entry> entries, String release, boolean trial) {
    }

    /** A set that cannot be booted. */
    static final class BadSetException extends Exception {
        private static final long serialVersionUID = 1L;

        BadSetException(String message) {
            super(message);
        }
    }

    private FirmwareSets() {
    }

    /**
     * Picks the set to boot from the state record. At a power-on it writes the record back (an
     * attempt of the pending set counted, fallbacks noted, {@code running} set); a command run,
     * which is not a power-on, boots the set a power-on would and changes nothing but
     * {@code running}.
     *
     * @param skipTrial boot the committed set even if one is pending (the pending one just failed to
     *                  boot in this command run)
     */
    static BootSet choose(Path image, Path dataDir, String factoryRelease, boolean commandRun, boolean skipTrial)
            throws IOException {
        FirmwareState st = FirmwareState.read(dataDir, Log::error);
        FirmwareState record = st;
        BootSet chosen = null;
        if (st.pending() != null && !skipTrial) {
            if (st.attempts() > 0) {
                try {
                    BootSet s = load(image, dataDir, st.pending(), factoryRelease);
                    chosen = new BootSet(s.name(), s.root(), s.entries(), s.release(), true);
                    if (!commandRun) {
                        st = st.withPending(st.pending(), st.attempts() - 1);
                        Log.info("trying firmware " + s.release() + " (slot " + s.name() + "), "
                                + st.attempts() + " more boot(s) allowed");
                    }
                } catch (BadSetException e) {
                    st = st.withPending(null, 0).withNote("the pending firmware in slot " + st.pending()
                            + " was not booted: " + e.getMessage());
                    Log.error(st.note());
                }
            } else {
                st = st.withPending(null, 0).withNote("the firmware in slot " + st.pending()
                        + " did not come up in its boot attempts; back to " + st.active());
                Log.error(st.note());
            }
        }
        if (chosen == null) {
            try {
                chosen = load(image, dataDir, st.active(), factoryRelease);
            } catch (BadSetException e) {
                st = st.withActive(FirmwareState.FACTORY, null).withNote("the committed firmware in slot "
                        + st.active() + " is damaged (" + e.getMessage() + "); back to the factory set");
                Log.error(st.note());
                chosen = factory(image, factoryRelease);
            }
        }
        FirmwareState next = (commandRun ? record : st).withRunning(chosen.name());
        if (!next.equals(record)) {
            next.write(dataDir);
        }
        return chosen;
    }

    /**
     * Gives up the set on trial after the launcher saw it fail (a bundle that is not active):
     * the next {@link #choose} boots the committed set.
     */
    static void abandonTrial(Path dataDir, String why) throws IOException {
        FirmwareState st = FirmwareState.read(dataDir);
        if (st.pending() != null) {
            st.withPending(null, 0).withNote("the firmware in slot " + st.pending() + " failed at boot: " + why)
                    .write(dataDir);
        }
    }

    /**
     * A boot loop: falls back one step (the set on trial is given up for the committed one, else the
     * committed slot for the factory set) and says what it did.
     */
    static String fallBackFromLoop(Path dataDir) throws IOException {
        FirmwareState st = FirmwareState.read(dataDir, Log::error);
        String what;
        if (st.pending() != null) {
            what = "boot loop: gave up the firmware on trial in slot " + st.pending() + ", back to the committed set";
            st = st.withPending(null, 0);
        } else if (!FirmwareState.FACTORY.equals(st.active())) {
            what = "boot loop: back from the committed firmware in slot " + st.active() + " to the factory set";
            st = st.withActive(FirmwareState.FACTORY, st.active());
        } else {
            return "boot loop with the factory set: nothing left to fall back to";
        }
        st.withNote(what).write(dataDir);
        return what;
    }

    static BootSet load(Path image, Path dataDir, String name, String factoryRelease) throws BadSetException {
        if (FirmwareState.FACTORY.equals(name)) {
            return factory(image, factoryRelease);
        }
        Path root = SlotLayout.slotDir(dataDir, name);
        SlotManifest manifest;
        try {
            manifest = SlotManifest.read(root);
        } catch (IOException e) {
            throw new BadSetException("its manifest cannot be read (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new BadSetException("its manifest is malformed: " + e.getMessage());
        }
        for (SlotManifest.Bundle b : manifest.bundles()) {
            boolean matches;
            try {
                matches = b.matches(b.jar(root));
            } catch (IOException e) {
                throw new BadSetException(b.file() + " cannot be read (" + e.getMessage() + ")");
            }
            if (!matches) {
                throw new BadSetException(b.file() + " does not match its manifest");
            }
        }
        return new BootSet(name, root, manifest.entries(), manifest.release(), false);
    }

    private static BootSet factory(Path image, String release) {
        try {
            return new BootSet(FirmwareState.FACTORY, image,
                    BundleList.read(image.resolve(BundleList.FILE)).entries(), release, false);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BundleList.FILE + ": " + e.getMessage(), e);
        }
    }
}
