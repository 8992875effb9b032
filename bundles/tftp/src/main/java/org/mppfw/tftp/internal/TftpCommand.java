package org.mppfw.tftp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.mppfw.api.transport.ProgressListener;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo command {@code tftp:get URL [FILE]}: downloads with the phone's TFTP transport, prints
 * progress, the negotiated options and the rate, and saves to FILE (or prints the SHA-256).
 */
@Component(service = TftpCommand.class, property = {"osgi.command.scope=tftp", "osgi.command.function=get"})
public final class TftpCommand {

    private final Transport transport;

    @Activate
    public TftpCommand(@Reference(target = "(" + Transport.SCHEMES + "=tftp)") Transport transport) {
        this.transport = transport;
    }

    /** Downloads URL and prints its size, SHA-256, options and rate. */
    public String get(String url) throws IOException {
        return get(url, null, System.out);
    }

    /** Downloads URL into FILE. */
    public String get(String url, String file) throws IOException {
        return get(url, file, System.out);
    }

    String get(String url, String file, PrintStream out) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad URL: " + e.getMessage());
        }
        TransportRequest request = TransportRequest.builder(uri).progress(new Printer(out)).build();
        try (TransportResponse r = transport.exchange(request)) {
            String saved;
            if (file != null) {
                Path target = Path.of(file).toAbsolutePath();
                try (InputStream in = r.body()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                saved = "saved to " + target;
            } else {
                saved = "sha256 " + sha256(r.body());
            }
            String how = r instanceof TftpResponse t ? t.result().describe() : r.contentLength() + " bytes";
            return uri + ": " + how + "; " + saved;
        } catch (TransportException e) {
            // thrown, so that the shell shows it as an error and a batch run exits with status 1
            throw new IOException("failed (class " + e.resultClass() + (e.status() != 0 ? ", TFTP error " + e.status() : "")
                    + "): " + e.getMessage(), e);
        }
    }

    private static String sha256(InputStream in) throws IOException {
        try (in) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 << 10];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints a progress line at every tenth of the size (or every MiB when the size is unknown). */
    private static final class Printer implements ProgressListener {
        private final PrintStream out;
        private long next;

        Printer(PrintStream out) {
            this.out = out;
        }

        @Override
        public void progress(long bytes, long total) {
            long step = total > 0 ? Math.max(1, total / 10) : 1 << 20;
            if (bytes >= next && bytes > 0) {
                out.println(total > 0
                        ? String.format(Locale.ROOT, "  %3d%%  %d/%d bytes", bytes * 100 / total, bytes, total)
                        : "  " + bytes + " bytes");
                next = (bytes / step + 1) * step;
            }
        }
    }

}
