package org.mppfw.upgrade.internal.engine;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.layout.Durable;
import org.mppfw.layout.FaultPoint;
import org.mppfw.layout.FirmwareState;

/**
 * The two slots of the data dir: moves a verified image into the free one (whole, synced, then
 * renamed), and finds an image kept in the other slot (a rollback's, so that going back to it
 * needs no download).
 */
final class SlotInstaller {

    private final Firmware firmware;

    SlotInstaller(Firmware firmware) {
        this.firmware = firmware;
    }

    /** Moves a verified staging dir into the free slot; returns the slot. */
    String install(Path staging) throws IOException {
        Path data = firmware.dataDir();
        FirmwareState st = FirmwareState.read(data);
        String slot = st.freeSlot();
        if (slot.equals(st.previous())) {
            st.withPrevious(null).write(data); // that set is about to be overwritten
        }
        Path dir = firmware.sets().slotDir(slot);
        Durable.deleteTree(dir);
        Durable.syncTree(staging);
        Files.createDirectories(dir.getParent());
        Durable.move(staging, dir);
        Durable.syncDir(dir.getParent());
        FaultPoint.reach(FaultPoint.SLOT_INSTALLED);
        return slot;
    }

    /** The slot that holds the version the URL's file name names (not the running one), or null. */
    String kept(String url) {
        FirmwareVersion named;
        try {
            named = Firmware.versionInName(URI.create(url).getPath());
        } catch (IllegalArgumentException e) {
            return null;
        }
        FirmwareState st = FirmwareState.read(firmware.dataDir());
        String other = st.previous();
        if (named == null || other == null || FirmwareState.FACTORY.equals(other) || other.equals(st.running())) {
            return null;
        }
        FirmwareVersion v = firmware.sets().versionOf(other);
        return v != null && v.compareTo(named) == 0 ? other : null;
    }
}
