package org.mppfw.report.internal;

import java.util.List;

import org.mppfw.api.firmware.FirmwareService;
import org.mppfw.api.power.BootRecord;
import org.mppfw.api.provisioning.ResyncRecord;

/** The histories of a problem report as plain text, one record a paragraph or a line. */
final class Histories {

    private Histories() {
    }

    static String resyncs(List<ResyncRecord> records) {
        if (records.isEmpty()) {
            return "no resync attempt recorded\n";
        }
        StringBuilder b = new StringBuilder();
        for (ResyncRecord r : records) {
            b.append(r.started()).append(" .. ").append(r.ended()).append("  ").append(r.reason()).append("  ")
                    .append(r.result()).append("  ").append(r.rule()).append(' ').append(r.url()).append('\n')
                    .append("  ").append(r.message()).append(r.status() == 0 ? "" : " (status " + r.status() + ")")
                    .append(r.decoding().isEmpty() ? "" : ", decoded " + r.decoding()).append('\n');
            if (!r.changed().isEmpty()) {
                b.append("  applied: ").append(String.join(", ", r.changed())).append('\n');
            }
            if (!r.rejected().isEmpty()) {
                b.append("  rejected: ").append(String.join("; ", r.rejected())).append('\n');
            }
            r.steps().forEach(s -> b.append("  step: ").append(s).append('\n'));
        }
        return b.toString();
    }

    /** The firmware now and the last upgrade attempt; the boots show which firmware each boot ran. */
    static String upgrades(FirmwareService fw, List<BootRecord> boots) {
        StringBuilder b = new StringBuilder();
        if (fw == null) {
            b.append("firmware service not running\n");
        } else {
            b.append("running ").append(fw.running()).append('\n');
            fw.previous().ifPresent(p -> b.append("previous ").append(p).append('\n'));
            b.append("state ").append(fw.status().phase()).append('\n');
            b.append("last result ").append(fw.lastResult().isEmpty() ? "-" : fw.lastResult()).append('\n');
            fw.status().lastAttemptTime().ifPresent(t -> b.append("last attempt ").append(t).append('\n'));
        }
        String release = null;
        for (BootRecord r : boots) {
            if (release != null && !release.equals(r.release())) {
                b.append(r.time()).append("  ").append(release).append(" -> ").append(r.release())
                        .append(r.trial() ? " (on trial)" : "").append('\n');
            }
            release = r.release();
        }
        return b.toString();
    }

    static String boots(List<BootRecord> boots) {
        if (boots.isEmpty()) {
            return "no boot recorded\n";
        }
        StringBuilder b = new StringBuilder();
        for (BootRecord r : boots) {
            b.append(r.number()).append("  ").append(r.time()).append("  ").append(r.reason().code()).append("  ")
                    .append(r.release()).append(" (").append(r.set()).append(r.trial() ? ", trial" : "").append(")  ")
                    .append(r.end()).append("  ").append(r.detail())
                    .append(r.action().isEmpty() ? "" : "; " + r.action()).append('\n');
        }
        return b.toString();
    }
}
