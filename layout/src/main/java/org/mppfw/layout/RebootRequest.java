package org.mppfw.layout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * A reboot asked for by a part of the phone, {@code <data>/system/reboot.properties}: written (durably)
 * by the power service before it stops the framework, taken by the launcher when it boots again,
 * which records its reason in the {@link BootHistory}. A request left by a command run, or by a run
 * that lost power while stopping, is taken by the next power-on.
 *
 * @param reason a reason code of the boot history
 * @param detail what asked for it, one line
 * @param time   when it was asked for
 */
public record RebootRequest(String reason, String detail, Instant time) {

    public static final String FILE = "system/reboot.properties";

    public RebootRequest {
        detail = detail == null ? "" : FirmwareState.escape(detail);
    }

    /** Writes the request (temp file, fsync, rename). */
    public void write(Path dataDir) throws IOException {
        String s = "# mppfw: a reboot the next boot records\nreason=" + FirmwareState.escape(reason) + "\ndetail="
                + detail + "\ntime=" + time + "\n";
        Durable.write(dataDir.resolve(FILE), s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Whether a request is waiting. */
    public static boolean pending(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(FILE));
    }

    /** Reads and removes the waiting request; empty if there is none or it is unreadable. */
    public static Optional<RebootRequest> take(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            p = null;
        }
        Files.deleteIfExists(file);
        Durable.syncDir(file.getParent());
        if (p == null || p.getProperty("reason", "").isBlank()) {
            return Optional.empty();
        }
        Instant t;
        try {
            t = Instant.parse(p.getProperty("time", "").trim());
        } catch (RuntimeException e) {
            t = Instant.EPOCH;
        }
        return Optional.of(new RebootRequest(p.getProperty("reason").trim(), p.getProperty("detail", ""), t));
    }
}
