package org.mppfw.tftp.internal;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * A request (RRQ or WRQ) and the server's first answer, for reads and writes alike: the request
 * is retransmitted with back-off until an answer comes, an OACK is negotiated against what was
 * asked, an ERROR ends the transfer (ERROR 8 to options asks for a retry without them), and the
 * plain answer of RFC 1350 (DATA 1 to a read, ACK 0 to a write) is handed back as it came.
 *
 * @param negotiated what the transfer runs with
 * @param plain      the plain first answer (DATA 1 or ACK 0), or null after an OACK; a DATA
 *                   payload is valid until the endpoint's next receive
 * @param retransmissions how many times the request was sent again
 */
record FirstAnswer(Negotiated negotiated, TftpPacket plain, int retransmissions) {

    /**
     * Sends the request already encoded in {@code ep.tx[0..reqLen)} and waits for its answer.
     *
     * @param write    whether it is a WRQ
     * @param canAnswer which packets may answer the request (the rest are dropped)
     * @param isPlain  which of those is the plain answer
     */
    static FirstAnswer await(Endpoint ep, ClientSettings settings, Rto rto, TftpOptions asked, String file, int reqLen,
            boolean write, long firstReplyDeadline, Predicate<TftpPacket> canAnswer, Predicate<TftpPacket> isPlain)
            throws IOException, Failures.RetryPlain {
        String request = write ? "the write request" : "the read request";
        long start = System.nanoTime();
        ep.sendRequest(reqLen);
        long sentAt = start;
        boolean resent = false;
        int timeouts = 0;
        int retransmissions = 0;
        while (true) {
            TftpPacket p = ep.receive(Math.min(sentAt + rto.current(), firstReplyDeadline), canAnswer);
            long now = System.nanoTime();
            if (p == null) {
                if (now - firstReplyDeadline >= 0 || ++timeouts > settings.retries()) {
                    throw Failures.c(ep.peer(), file, "no answer to " + request + " after " + (now - start) / 1_000_000 + " ms");
                }
                rto.backoff();
                ep.sendRequest(reqLen);
                sentAt = System.nanoTime();
                resent = true;
                retransmissions++;
                continue;
            }
            if (!resent) {
                rto.sample(now - sentAt);
            }
            if (p instanceof TftpPacket.Oack o) {
                if (asked.isPlain()) {
                    ep.sendError(8, "No options were requested");
                    throw Failures.c(ep.peer(), file, "OACK in answer to a request without options");
                }
                try {
                    return new FirstAnswer(Negotiated.accept(asked, o.options(), write), null, retransmissions);
                } catch (Negotiated.OptionRejectedException e) {
                    ep.sendError(8, e.getMessage());
                    throw new Failures.RetryPlain(e.getMessage());
                }
            } else if (isPlain.test(p)) {
                return new FirstAnswer(Negotiated.plain(asked), p, retransmissions);
            } else if (p instanceof TftpPacket.Error e) {
                if (e.code() == 8 && !asked.isPlain()) {
                    throw new Failures.RetryPlain("ERROR 8: " + e.printableMessage());
                }
                throw Failures.fromError(ep.peer(), file, e);
            } else {
                ep.sendError(4, "Unexpected packet");
                throw Failures.c(ep.peer(), file, "unexpected opcode " + p.opcode() + " in answer to " + request);
            }
        }
    }
}
