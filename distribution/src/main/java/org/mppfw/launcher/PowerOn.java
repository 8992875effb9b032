package org.mppfw.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.mppfw.layout.BootEntry;
import org.mppfw.layout.BootHistory;
import org.mppfw.layout.RebootRequest;

/**
 * The boot history side of a power-on: why this boot happens (a reboot request left by the power
 * service, a crash restart, else a power-on, after a run that was lost or one that stopped), the
 * boot loop check, one history line per boot, and how the run ended.
 */
final class PowerOn {

    /** Set by {@code bin/mppfw} when it starts the phone again after the Java runtime crashed. */
    static final String CRASH_ENV = "MPPFW_CRASH_STATUS";

    private final Path dataDir;
    private final String reason;
    private final String detail;
    private final boolean loop;
    private String action = "";
    private BootEntry entry;
    private final AtomicBoolean ended = new AtomicBoolean();

    private PowerOn(Path dataDir, String reason, String detail, boolean loop) {
        this.dataDir = dataDir;
        this.reason = reason;
        this.detail = detail;
        this.loop = loop;
    }

    /** Reads why this boot happens and closes the previous run; call before the set is chosen. */
    static PowerOn begin(Path dataDir, String crashStatus, Instant now) throws IOException {
        Optional<RebootRequest> request = RebootRequest.take(dataDir);
        BootHistory history = BootHistory.read(dataDir);
        boolean lost = history.closeLost();
        String reason;
        String detail;
        if (request.isPresent()) {
            reason = request.get().reason();
            detail = request.get().detail();
        } else if (crashStatus != null && !crashStatus.isBlank()) {
            reason = BootHistory.CRASH;
            detail = "the Java runtime of the previous run ended with status " + crashStatus.trim();
        } else {
            reason = BootHistory.POWER_ON;
            detail = lost ? "the previous run ended without a shutdown (power cut, kill or crash)" : "";
        }
        if (BootHistory.FACTORY_RESET.equals(reason)) {
            history.clear(); // as on a Cisco phone, a factory reset forgets the reboot reasons
        }
        return new PowerOn(dataDir, reason, detail, history.inLoop(now));
    }

    /** Whether the last boots were a loop of lost runs (the launcher falls back one step). */
    boolean loop() {
        return loop;
    }

    void action(String what) {
        action = what;
    }

    /** Adds this boot's line, with the set chosen. */
    void record(Instant now, FirmwareSets.BootSet set) throws IOException {
        entry = BootHistory.read(dataDir).add(now, reason, detail, set.name(), set.release(), set.trial(), action);
        ended.set(false);
    }

    /**
     * The set on trial failed at boot and the launcher boots the committed one in the same launch:
     * the first line ends, a second one says why.
     */
    void trialGivenUp(Instant now, FirmwareSets.BootSet committed, String why) throws IOException {
        end(BootEntry.REBOOTED);
        entry = BootHistory.read(dataDir).add(now, BootHistory.TRIAL_GIVEN_UP, why, committed.name(), committed.release(),
                committed.trial(), "");
        ended.set(false);
    }

    /** Closes this boot's line once: rebooted if a reboot request waits, else stopped. */
    void end() {
        end(RebootRequest.pending(dataDir) ? BootEntry.REBOOTED : BootEntry.STOPPED);
    }

    void end(String how) {
        if (entry == null || !ended.compareAndSet(false, true)) {
            return;
        }
        try {
            BootHistory.read(dataDir).end(entry.number(), how);
        } catch (IOException e) {
            Log.warn("cannot close boot " + entry.number() + " in the boot history: " + e.getMessage());
        }
    }
}
