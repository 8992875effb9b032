package org.mppfw.tftp.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;

import org.mppfw.api.transport.ProgressListener;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TFTP client: reads (RRQ) into a stream and writes (WRQ) a byte array, with option
 * negotiation and one plain RFC 1350 retry when the server refuses the options with ERROR 8
 * or grants something that cannot be accepted. Thread-safe: each transfer has its own socket.
 */
public final class TftpClient {

    private static final Logger LOG = LoggerFactory.getLogger(TftpClient.class);

    private final ClientSettings settings;

    public TftpClient(ClientSettings settings) {
        this.settings = settings;
    }

    /**
     * Reads {@code file} from {@code server} into {@code sink}.
     *
     * @param maxBytes the transfer fails (class C) beyond this size, or when tsize announces more
     * @param deadline the whole transfer, retries included
     * @param firstReply how long to wait for the server's first answer
     * @throws TransportException class B for "file not found", C for anything else
     */
    public TransferResult read(InetSocketAddress server, String file, TftpOptions options, OutputStream sink,
            long maxBytes, Duration deadline, Duration firstReply, ProgressListener progress) throws TransportException {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        String fallback = null;
        try {
            try {
                return finish(read(server, file, options, sink, maxBytes, end, firstReply, progress), null, "read", file, server);
            } catch (Failures.RetryPlain r) {
                fallback = r.getMessage();
                LOG.info("TFTP {} from {}: options refused ({}), retrying as plain RFC 1350", file, hostPort(server), fallback);
            }
            return finish(read(server, file, TftpOptions.PLAIN, sink, maxBytes, end, firstReply, progress), fallback,
                    "read", file, server);
        } catch (Failures.RetryPlain cannot) {
            throw new IllegalStateException(cannot);
        } catch (TransportException e) {
            throw e;
        } catch (IOException e) {
            throw new TransportException(ResultClass.C, 0, "TFTP " + file + " from " + hostPort(server) + ": " + e, e);
        }
    }

    private TransferResult read(InetSocketAddress server, String file, TftpOptions options, OutputStream sink,
            long maxBytes, long end, Duration firstReply, ProgressListener progress) throws IOException, Failures.RetryPlain {
        int window = Math.max(options.blksize(), Negotiated.DEFAULT_BLKSIZE) * Math.max(1, options.windowsize());
        try (Endpoint ep = Endpoint.open(server, settings, window)) {
            return new ReadTransfer(ep, settings, options, file, sink, maxBytes, end,
                    System.nanoTime() + firstReply.toNanos(), progress).run();
        }
    }

    /**
     * Writes {@code body} to {@code file} on {@code server}.
     *
     * @throws TransportException class B for ERROR 1, C for anything else
     */
    public TransferResult write(InetSocketAddress server, String file, TftpOptions options, byte[] body,
            Duration deadline, Duration firstReply, ProgressListener progress) throws TransportException {
        long end = System.nanoTime() + deadline.toNanos();
        String fallback = null;
        try {
            try {
                return finish(write(server, file, options, body, end, firstReply, progress), null, "write", file, server);
            } catch (Failures.RetryPlain r) {
                fallback = r.getMessage();
                LOG.info("TFTP {} to {}: options refused ({}), retrying as plain RFC 1350", file, hostPort(server), fallback);
            }
            return finish(write(server, file, TftpOptions.PLAIN, body, end, firstReply, progress), fallback,
                    "write", file, server);
        } catch (Failures.RetryPlain cannot) {
            throw new IllegalStateException(cannot);
        } catch (TransportException e) {
            throw e;
        } catch (IOException e) {
            throw new TransportException(ResultClass.C, 0, "TFTP " + file + " to " + hostPort(server) + ": " + e, e);
        }
    }

    private TransferResult write(InetSocketAddress server, String file, TftpOptions options, byte[] body, long end,
            Duration firstReply, ProgressListener progress) throws IOException, Failures.RetryPlain {
        try (Endpoint ep = Endpoint.open(server, settings, Negotiated.DEFAULT_BLKSIZE)) {
            return new WriteTransfer(ep, settings, options, file, body, end,
                    System.nanoTime() + firstReply.toNanos(), progress).run();
        }
    }

    private static TransferResult finish(TransferResult r, String fallback, String op, String file, InetSocketAddress server) {
        TransferResult done = fallback == null ? r
                : new TransferResult(r.bytes(), r.negotiated(), r.nanos(), r.retransmissions(), r.foreignPackets(),
                        r.localPort(), fallback);
        LOG.info("TFTP {} {} {}: {}", op, hostPort(server), file, done.describe());
        return done;
    }

    static String hostPort(InetSocketAddress a) {
        return (a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString()) + ":" + a.getPort();
    }
}
