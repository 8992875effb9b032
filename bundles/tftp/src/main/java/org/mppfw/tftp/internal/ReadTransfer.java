package org.mppfw.tftp.internal;

import java.io.IOException;
import java.io.OutputStream;

import org.mppfw.api.transport.ProgressListener;

/**
 * One RRQ: request, option negotiation, then windowed reception (RFC 7440; a window of 1 is
 * RFC 1350 lock-step). In-order blocks are written to the sink; a duplicate or a block past a
 * gap is answered by re-acknowledging the last in-order block, at most once per round trip, so
 * that the server restarts its window there; a timeout re-sends that ACK with back-off.
 */
final class ReadTransfer {

    private static final long PROGRESS_STEP = 64 << 10;

    private final Endpoint ep;
    private final ClientSettings settings;
    private final Rto rto;
    private final TftpOptions asked;
    private final String file;
    private final OutputStream sink;
    private final long maxBytes;
    private final long deadline;
    private final long firstReplyDeadline;
    private final ProgressListener progress;
    private int retransmissions;

    ReadTransfer(Endpoint ep, ClientSettings settings, TftpOptions asked, String file, OutputStream sink,
            long maxBytes, long deadline, long firstReplyDeadline, ProgressListener progress) {
        this.ep = ep;
        this.settings = settings;
        this.rto = new Rto(settings);
        this.asked = asked;
        this.file = file;
        this.sink = sink;
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.firstReplyDeadline = Math.min(deadline, firstReplyDeadline);
        this.progress = progress;
    }

    TransferResult run() throws IOException, Failures.RetryPlain {
        long start = System.nanoTime();
        int reqLen = new TftpPacket.Request(false, file, "octet", asked.toRequest(0)).encode(ep.tx);
        FirstAnswer answer = FirstAnswer.await(ep, settings, rto, asked, file, reqLen, false, firstReplyDeadline,
                ReadTransfer::canAnswerRrq, p -> p instanceof TftpPacket.Data);
        retransmissions += answer.retransmissions();
        Negotiated neg = answer.negotiated();
        TftpPacket.Data first = (TftpPacket.Data) answer.plain();
        if (neg.tsize() > maxBytes) {
            ep.sendError(3, "File too large for this client");
            throw Failures.c(ep.peer(), file, "file of " + neg.tsize() + " bytes exceeds the limit of " + maxBytes);
        }
        progress.progress(0, neg.tsize());
        long bytes = receive(neg, first);
        return new TransferResult(bytes, neg, System.nanoTime() - start, retransmissions, ep.foreignPackets(),
                ep.localPort(), null);
    }

    private long receive(Negotiated neg, TftpPacket.Data first) throws IOException {
        if (neg.timeout() > 0) {
            rto.limitTo(java.util.concurrent.TimeUnit.SECONDS.toNanos(neg.timeout()));
        }
        final int blksize = neg.blksize();
        final int window = neg.windowsize();
        long expected = 1;
        long lastAck = 0;
        long lastAckAt = 0;
        long timerStart = System.nanoTime();
        boolean sampleArmed = false;
        long ackSentAt = 0;
        long bytes = 0;
        long nextProgress = PROGRESS_STEP;
        int timeouts = 0;
        if (first == null) {
            ep.sendAck(0);
            lastAckAt = timerStart = ackSentAt = System.nanoTime();
            sampleArmed = true;
        }
        TftpPacket p = first;
        while (true) {
            if (p == null) {
                p = ep.receive(Math.min(timerStart + rto.current(), deadline));
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                ep.sendError(0, "Transfer deadline exceeded");
                throw Failures.c(ep.peer(), file, "transfer deadline exceeded after " + bytes + " bytes");
            }
            if (p == null) {
                if (++timeouts > settings.retries()) {
                    ep.sendError(0, "Timed out");
                    throw Failures.c(ep.peer(), file, "timed out waiting for block " + expected + " after "
                            + bytes + " bytes and " + settings.retries() + " retransmissions");
                }
                rto.backoff();
                ep.sendAck(expected - 1);
                retransmissions++;
                lastAckAt = timerStart = System.nanoTime();
                sampleArmed = false;
                continue;
            }
            if (p instanceof TftpPacket.Data d) {
                long n = unwrap(d.block(), expected);
                if (n == expected) {
                    int len = d.length();
                    if (len > blksize) {
                        ep.sendError(4, "Block larger than the negotiated blksize");
                        throw Failures.c(ep.peer(), file, "block " + n + " of " + len + " bytes exceeds blksize " + blksize);
                    }
                    if (bytes + len > maxBytes) {
                        ep.sendError(3, "Transfer size limit exceeded");
                        throw Failures.c(ep.peer(), file, "more than the limit of " + maxBytes + " bytes");
                    }
                    sink.write(d.buf(), d.offset(), len);
                    bytes += len;
                    expected++;
                    timeouts = 0;
                    timerStart = now;
                    if (sampleArmed) {
                        rto.sample(now - ackSentAt);
                        sampleArmed = false;
                    }
                    if (bytes >= nextProgress) {
                        progress.progress(bytes, neg.tsize());
                        nextProgress = bytes + PROGRESS_STEP;
                    }
                    if (len < blksize) {
                        ep.sendAck(n);
                        progress.progress(bytes, neg.tsize() >= 0 ? neg.tsize() : bytes);
                        return bytes;
                    }
                    if (n - lastAck >= window) {
                        ep.sendAck(n);
                        lastAck = n;
                        lastAckAt = ackSentAt = System.nanoTime();
                        sampleArmed = true;
                    }
                } else if (lastAck != expected - 1 || now - lastAckAt >= reAckGap()) {
                    // a duplicate (our ACK was lost) or a gap (a block was lost): restart the window
                    ep.sendAck(expected - 1);
                    retransmissions++;
                    lastAck = expected - 1;
                    lastAckAt = timerStart = System.nanoTime();
                    sampleArmed = false;
                }
            } else if (p instanceof TftpPacket.Oack) {
                if (expected == 1 && !neg.plain() && now - lastAckAt >= reAckGap()) {
                    ep.sendAck(0); // our ACK of the OACK was lost
                    retransmissions++;
                    lastAckAt = timerStart = System.nanoTime();
                }
            } else if (p instanceof TftpPacket.Error e) {
                throw Failures.fromError(ep.peer(), file, e);
            } else {
                ep.sendError(4, "Unexpected packet");
                throw Failures.c(ep.peer(), file, "unexpected opcode " + p.opcode() + " during the transfer");
            }
            p = null;
        }
    }

    /** An RRQ is answered by an OACK, DATA block 1, or an ERROR; anything else is from elsewhere. */
    static boolean canAnswerRrq(TftpPacket p) {
        return p instanceof TftpPacket.Oack || p instanceof TftpPacket.Error
                || (p instanceof TftpPacket.Data d && d.block() == 1);
    }

    /** Re-acknowledge the same block at most once per round trip (1..50 ms). */
    private long reAckGap() {
        return Math.max(1_000_000L, Math.min(50_000_000L, rto.srtt(10_000_000L)));
    }

    /** The absolute block number nearest to {@code near} whose low 16 bits are {@code block}. */
    static long unwrap(int block, long near) {
        short d = (short) (block - (int) (near & 0xffff));
        return near + d;
    }
}
