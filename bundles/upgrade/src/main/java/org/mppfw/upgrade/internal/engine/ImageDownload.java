package org.mppfw.upgrade.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.function.IntConsumer;

import org.mppfw.api.transport.AccessDomains;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.mppfw.api.transport.Transports;
import org.mppfw.layout.SlotLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads an image into the data dir ({@code firmware/download}). An interrupted HTTP download
 * resumes with a Range request at the next attempt of the same URL; a partial download of
 * another URL is deleted.
 */
final class ImageDownload {

    /** The largest image accepted. */
    static final long MAX_IMAGE = 256L << 20;
    /** How long one download may take. */
    static final Duration DEADLINE = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(ImageDownload.class);

    private final Transports transports;
    private final Path dir;

    ImageDownload(Transports transports, Path dataDir) {
        this.transports = transports;
        this.dir = dataDir.resolve(SlotLayout.DOWNLOADS);
    }

    /**
     * @param allowed  {@code Restricted_Access_Domains}: the server and every redirect must be within it
     * @param progress told the percentage whenever it changes (-1 when the size is unknown)
     * @return the downloaded file
     */
    Path fetch(String url, AccessDomains allowed, IntConsumer progress) throws IOException {
        URI uri = URI.create(url);
        Transport t = transports.forUri(uri);
        Files.createDirectories(dir);
        Path file = dir.resolve(Integer.toHexString(url.hashCode()) + ".part");
        try (var d = Files.newDirectoryStream(dir)) {
            for (Path p : d) {
                if (!p.equals(file)) {
                    Files.deleteIfExists(p); // a partial download of another URL
                }
            }
        }
        boolean resumable = uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http");
        long have = resumable && Files.isRegularFile(file) ? Files.size(file) : 0;
        if (have > 0) {
            LOG.info("resuming the download of {} at byte {}", url, have);
        }
        int[] shown = {0}; // the attempt shows 0 % before the first byte
        TransportRequest req = TransportRequest.builder(uri).allowedDomains(allowed).resumeFrom(have).maxBytes(MAX_IMAGE).deadline(DEADLINE)
                .progress((bytes, total) -> {
                    int pct = total > 0 ? (int) Math.min(100, bytes * 100 / total) : -1;
                    if (pct != shown[0]) {
                        shown[0] = pct;
                        progress.accept(pct);
                    }
                })
                .build();
        try (TransportResponse r = t.exchange(req);
                InputStream in = r.body();
                OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
                        have > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            in.transferTo(out);
        }
        return file;
    }
}
