package org.mppfw.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;

/**
 * Writes a problem report (PRT) archive, {@code probrep-YYYYMMDD-HHMMSS.tar.gz} (local time, the
 * name Cisco's guide shows for {@code prt_file}) in {@code <data>/prt/}, keeping the latest
 * {@value #KEPT}. It holds every file under {@code <data>/log/} (as {@code log/...}), the
 * configuration ({@code config.xml}, as {@code param:export} writes it), the texts that
 * {@link History} gives (resync history, upgrade state, boot history) and {@code prt.txt} (who, when,
 * why). Secrets never go in: the configuration masks them, and every file is scrubbed of each secret
 * parameter's current value (replaced by the mask) before it is archived, logs included.
 */
final class ProblemReportWriter {

    static final int KEPT = 5;
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'probrep-'yyyyMMdd-HHmmss'.tar.gz'",
            Locale.ROOT);

    /** The histories, as text, read when the archive is made. */
    interface History {
        String resyncs();

        String upgrades();

        String boots();
    }

    private final Path dataDir;
    private final ParameterStore store;
    private final DeviceIdentity identity;
    private final Clock clock;
    private final History history;

    ProblemReportWriter(Path dataDir, ParameterStore store, DeviceIdentity identity, Clock clock, History history) {
        this.dataDir = dataDir;
        this.store = store;
        this.identity = identity;
        this.clock = clock;
        this.history = history;
    }

    Path write(String reason) throws IOException {
        Instant now = clock.now();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("prt.txt", text("Problem report of " + identity.model() + " " + identity.macUpper() + " serial "
                + identity.serialNumber() + "\nfirmware " + identity.firmwareVersion() + "\nmade " + clock.local(now)
                + "\nreason " + reason + "\n"));
        ByteArrayOutputStream cfg = new ByteArrayOutputStream(64 * 1024);
        store.exportProfile(cfg);
        entries.put("config.xml", cfg.toByteArray());
        entries.put("resync-history.txt", text(history.resyncs()));
        entries.put("upgrade.txt", text(history.upgrades()));
        entries.put("boots.txt", text(history.boots()));
        Path logs = dataDir.resolve("log");
        if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.walk(logs)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    entries.put("log/" + logs.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
        }
        List<byte[]> secrets = secrets();
        Path dir = Files.createDirectories(dataDir.resolve("prt"));
        Path archive = dir.resolve(NAME.format(clock.local(now)));
        Path tmp = dir.resolve(archive.getFileName() + ".tmp");
        try (OutputStream o = Files.newOutputStream(tmp); TarGz tar = new TarGz(o)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                tar.add(e.getKey(), scrub(e.getValue(), secrets), now);
            }
        }
        Files.move(tmp, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        prune(dir);
        return archive;
    }

    private List<byte[]> secrets() {
        List<byte[]> out = new ArrayList<>();
        for (ParameterDefinition d : store.catalog()) {
            if (d.secret()) {
                String v = store.get(d.name());
                if (!v.isEmpty()) {
                    out.add(v.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        out.sort(Comparator.comparingInt((byte[] b) -> b.length).reversed());
        return out;
    }

    /** {@code data} with every occurrence of each secret replaced by the mask. */
    static byte[] scrub(byte[] data, List<byte[]> secrets) {
        byte[] mask = ParameterStore.MASK.getBytes(StandardCharsets.UTF_8);
        byte[] cur = data;
        for (byte[] s : secrets) {
            ByteArrayOutputStream out = null;
            int from = 0;
            for (int i = 0; i + s.length <= cur.length; i++) {
                if (matches(cur, i, s)) {
                    if (out == null) {
                        out = new ByteArrayOutputStream(cur.length);
                    }
                    out.write(cur, from, i - from);
                    out.writeBytes(mask);
                    i += s.length - 1;
                    from = i + 1;
                }
            }
            if (out != null) {
                out.write(cur, from, cur.length - from);
                cur = out.toByteArray();
            }
        }
        return cur;
    }

    private static boolean matches(byte[] a, int at, byte[] s) {
        for (int k = 0; k < s.length; k++) {
            if (a[at + k] != s[k]) {
                return false;
            }
        }
        return true;
    }

    private static void prune(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.filter(p -> p.getFileName().toString().startsWith("probrep-")
                    && p.getFileName().toString().endsWith(".tar.gz")).sorted().toList();
            for (int i = 0; i < all.size() - KEPT; i++) {
                Files.deleteIfExists(all.get(i));
            }
        }
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
