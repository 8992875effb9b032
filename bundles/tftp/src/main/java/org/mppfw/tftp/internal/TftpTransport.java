package org.mppfw.tftp.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code tftp://} transport: GET reads the file (RRQ) into a spool and answers with it,
 * PUT and POST write the request body (WRQ). A server outside the request's
 * {@code Restricted_Access_Domains} is refused before any packet is sent.
 */
@Component(service = Transport.class, configurationPid = TftpConfig.PID,
        property = Transport.SCHEMES + "=tftp")
@Designate(ocd = TftpConfig.class)
public final class TftpTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(TftpTransport.class);

    private final TftpClient client;
    private final TftpOptions options;
    private final Path spoolDir;
    private final int memorySpool;

    @Activate
    public TftpTransport(TftpConfig config, BundleContext context) {
        this(config, spoolDir(context));
    }

    /** For use outside a framework (tests, the shell's own client). */
    public TftpTransport(TftpConfig config, Path spoolDir) {
        this.client = new TftpClient(settings(config));
        this.options = options(config);
        this.spoolDir = spoolDir;
        this.memorySpool = Math.max(0, config.memorySpool());
        cleanSpool(spoolDir);
        LOG.debug("TFTP transport: options {}, spool {}", options, spoolDir);
    }

    static ClientSettings settings(TftpConfig c) {
        return new ClientSettings(c.retries(), Duration.ofMillis(c.initialRtoMillis()), Duration.ofMillis(c.minRtoMillis()),
                Duration.ofMillis(c.maxRtoMillis()), c.sourcePortFirst(), c.sourcePortLast());
    }

    static TftpOptions options(TftpConfig c) {
        return c.options() ? new TftpOptions(c.blksize(), c.windowsize(), c.timeout(), c.tsize()) : TftpOptions.PLAIN;
    }

    TftpOptions requestedOptions() {
        return options;
    }

    private static Path spoolDir(BundleContext context) {
        File data = context.getDataFile("spool");
        return data != null ? data.toPath() : Path.of(System.getProperty("java.io.tmpdir"), "mppfw-tftp-spool");
    }

    private static void cleanSpool(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "tftp-*.part")) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.debug("could not clean the TFTP spool: {}", e.toString());
        }
    }

    @Override
    public TransportResponse exchange(TransportRequest request) throws TransportException {
        TftpUrl url = TftpUrl.parse(request.uri());
        Optional<TransportException> refused = request.allowedDomains().refusal(request.uri());
        if (refused.isPresent()) { // Restricted_Access_Domains
            LOG.warn("{}", refused.get().getMessage());
            throw refused.get();
        }
        InetSocketAddress server = resolve(request.uri(), url);
        String method = request.method().toUpperCase(Locale.ROOT);
        switch (method) {
            case "GET" -> {
                return read(request, url, server);
            }
            case "PUT", "POST" -> {
                byte[] body = request.body();
                TransferResult r = client.write(server, url.file(), options, body == null ? new byte[0] : body,
                        request.deadline(), request.connectTimeout(), request.progress());
                return new Written(request.uri(), r);
            }
            default -> throw new TransportException(ResultClass.C, 0, "TFTP cannot " + method + " " + request.uri(), null);
        }
    }

    private TftpResponse read(TransportRequest request, TftpUrl url, InetSocketAddress server) throws TransportException {
        Spool spool = new Spool(spoolDir, memorySpool);
        boolean ok = false;
        try {
            TransferResult r = client.read(server, url.file(), options, spool, request.maxBytes(), request.deadline(),
                    request.connectTimeout(), request.progress());
            ok = true;
            return new TftpResponse(request.uri(), r, spool);
        } finally {
            if (!ok) {
                spool.discard();
            }
        }
    }

    private static InetSocketAddress resolve(URI uri, TftpUrl url) throws TransportException {
        try {
            return new InetSocketAddress(InetAddress.getByName(url.host()), url.port());
        } catch (UnknownHostException e) {
            throw new TransportException(ResultClass.C, 0, "TFTP server " + url.host() + " of " + uri + " not found", e);
        }
    }

    /** The answer to a finished upload: no body. */
    private record Written(URI uri, TransferResult result) implements TransportResponse {
        @Override
        public int status() {
            return 0;
        }

        @Override
        public Map<String, List<String>> headers() {
            return Map.of();
        }

        @Override
        public long contentLength() {
            return 0;
        }

        @Override
        public InputStream body() {
            return InputStream.nullInputStream();
        }

        @Override
        public void close() {
        }
    }
}
