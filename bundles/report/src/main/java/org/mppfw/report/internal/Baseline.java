package org.mppfw.report.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code Report_Rule --delta} compares with: the configuration at the last resync, reboot or
 * upgrade, kept in the data dir ({@code report/baseline.properties}) so that a command run or a
 * bundle update between two reports does not lose it. It holds, per parameter, the SHA-256 of its
 * value (never a value, so no secret is written in clear), and the boot number and firmware version
 * it was taken in.
 *
 * <p>A parameter has <em>changed</em> when its current value's hash differs from the baseline's, or
 * the baseline does not know it. The baseline is moved to the current values after each resync attempt
 * (once the report that resync asks for is sent), and when the phone starts with a boot number or a
 * firmware version other than the baseline's (a reboot or an upgrade).
 */
final class Baseline {

    private static final String BOOT = "@boot";
    private static final String FIRMWARE = "@firmware";

    private final Path file;
    private final Properties props = new Properties();

    Baseline(Path file) throws IOException {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            }
        }
    }

    /** Whether the baseline was taken in another boot or firmware than these (or never). */
    synchronized boolean staleFor(int boot, String firmware) {
        return !Integer.toString(boot).equals(props.getProperty(BOOT)) || !firmware.equals(props.getProperty(FIRMWARE));
    }

    /** Takes the current values as the baseline and writes it (temp file, then rename). */
    synchronized void reset(Map<String, String> values, int boot, String firmware) throws IOException {
        props.clear();
        values.forEach((name, value) -> props.setProperty(name, hash(value)));
        props.setProperty(BOOT, Integer.toString(boot));
        props.setProperty(FIRMWARE, firmware);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            props.store(w, "Report_Rule --delta baseline: SHA-256 of each value");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Whether a baseline was ever taken. */
    synchronized boolean taken() {
        return props.containsKey(BOOT);
    }

    /** The names whose value differs from the baseline, sorted. */
    synchronized Set<String> changed(Map<String, String> values) {
        Set<String> out = new TreeSet<>();
        values.forEach((name, value) -> {
            if (!hash(value).equals(props.getProperty(name))) {
                out.add(name);
            }
        });
        return out;
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
