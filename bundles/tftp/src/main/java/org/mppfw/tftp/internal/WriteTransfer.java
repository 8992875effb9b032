package org.mppfw.tftp.internal;

import java.io.IOException;

import org.mppfw.api.transport.ProgressListener;

/**
 * One WRQ: request (announcing tsize), option negotiation, then windowed sending. A window is
 * sent, then the sender waits for its ACK. An ACK inside the window slides it and resends from
 * there; a duplicate ACK never triggers a retransmission in lock-step (the Sorcerer's
 * Apprentice bug), and in a window restarts it at most once per position; a timeout resends
 * the window with back-off.
 */
final class WriteTransfer {

    private final Endpoint ep;
    private final ClientSettings settings;
    private final Rto rto;
    private final TftpOptions asked;
    private final String file;
    private final byte[] body;
    private final long deadline;
    private final long firstReplyDeadline;
    private final ProgressListener progress;
    private int retransmissions;

    WriteTransfer(Endpoint ep, ClientSettings settings, TftpOptions asked, String file, byte[] body,
            long deadline, long firstReplyDeadline, ProgressListener progress) {
        this.ep = ep;
        this.settings = settings;
        this.rto = new Rto(settings);
        this.asked = asked;
        this.file = file;
        this.body = body;
        this.deadline = deadline;
        this.firstReplyDeadline = Math.min(deadline, firstReplyDeadline);
        this.progress = progress;
    }

    TransferResult run() throws IOException, Failures.RetryPlain {
        long start = System.nanoTime();
        int reqLen = new TftpPacket.Request(true, file, "octet", asked.toRequest(body.length)).encode(ep.tx);
        FirstAnswer answer = FirstAnswer.await(ep, settings, rto, asked, file, reqLen, true, firstReplyDeadline,
                WriteTransfer::canAnswerWrq, p -> p instanceof TftpPacket.Ack a && a.block() == 0);
        retransmissions += answer.retransmissions();
        Negotiated neg = answer.negotiated();
        progress.progress(0, body.length);
        send(neg);
        return new TransferResult(body.length, neg, System.nanoTime() - start, retransmissions, ep.foreignPackets(),
                ep.localPort(), null);
    }

    private void send(Negotiated neg) throws IOException {
        if (neg.timeout() > 0) {
            rto.limitTo(java.util.concurrent.TimeUnit.SECONDS.toNanos(neg.timeout()));
        }
        final int blksize = neg.blksize();
        final int window = neg.windowsize();
        final long blocks = body.length / blksize + 1; // the last block is short, maybe empty
        long base = 1;
        long next = 1;
        long timerStart = System.nanoTime();
        long windowSentAt = timerStart;
        boolean resent = false;
        long restartedAt = -1;
        int timeouts = 0;
        while (true) {
            if (next < base + window && next <= blocks) {
                windowSentAt = System.nanoTime();
                while (next < base + window && next <= blocks) {
                    long off = (next - 1) * blksize;
                    int len = (int) Math.min(blksize, body.length - off);
                    ep.send(TftpPacket.encodeData(ep.tx, (int) (next & 0xffff), body, (int) off, len));
                    next++;
                }
                timerStart = System.nanoTime();
            }
            TftpPacket p = ep.receive(Math.min(timerStart + rto.current(), deadline));
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                ep.sendError(0, "Transfer deadline exceeded");
                throw Failures.c(ep.peer(), file, "transfer deadline exceeded after " + (base - 1) * blksize + " bytes");
            }
            if (p == null) {
                if (++timeouts > settings.retries()) {
                    ep.sendError(0, "Timed out");
                    throw Failures.c(ep.peer(), file, "timed out waiting for the ACK of block " + base);
                }
                rto.backoff();
                retransmissions += (int) (next - base);
                next = base;
                resent = true;
                continue;
            }
            if (p instanceof TftpPacket.Ack a) {
                long n = ReadTransfer.unwrap(a.block(), base - 1);
                if (n >= base && n < next) {
                    if (!resent) {
                        rto.sample(now - windowSentAt);
                    }
                    resent = false;
                    timeouts = 0;
                    base = n + 1;
                    progress.progress(Math.min(body.length, n * blksize), body.length);
                    if (n == blocks) {
                        return;
                    }
                    if (n < next - 1) {
                        // the receiver missed a block: go back to the first it lacks
                        retransmissions += (int) (next - base);
                        next = base;
                    }
                } else if (n == base - 1 && window > 1 && restartedAt != base) {
                    restartedAt = base;
                    retransmissions += (int) (next - base);
                    next = base;
                }
                // any other ACK is a duplicate: ignored, no Sorcerer's Apprentice
            } else if (p instanceof TftpPacket.Error e) {
                throw Failures.fromError(ep.peer(), file, e);
            } else if (!(p instanceof TftpPacket.Oack)) {
                ep.sendError(4, "Unexpected packet");
                throw Failures.c(ep.peer(), file, "unexpected opcode " + p.opcode() + " during the transfer");
            }
        }
    }

    /** A WRQ is answered by an OACK, ACK 0, or an ERROR; anything else is from elsewhere. */
    static boolean canAnswerWrq(TftpPacket p) {
        return p instanceof TftpPacket.Oack || p instanceof TftpPacket.Error
                || (p instanceof TftpPacket.Ack a && a.block() == 0);
    }
}
