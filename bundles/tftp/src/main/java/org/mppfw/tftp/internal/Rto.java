package org.mppfw.tftp.internal;

/**
 * Adaptive retransmission timeout (Jacobson/Karels as in RFC 6298): smoothed round trip plus
 * four deviations, clamped, doubled on each consecutive timeout. Samples are only taken from
 * packets that were not retransmitted (Karn).
 */
final class Rto {

    private final long min;
    private long max;
    private long srtt = -1;
    private long rttvar;
    private long rto;

    Rto(ClientSettings s) {
        this.min = s.minRto().toNanos();
        this.max = s.maxRto().toNanos();
        this.rto = clamp(s.initialRto().toNanos());
    }

    long current() {
        return rto;
    }

    /** The smoothed round trip, or {@code otherwise} before the first sample. */
    long srtt(long otherwise) {
        return srtt < 0 ? otherwise : srtt;
    }

    void sample(long rtt) {
        if (rtt < 0) {
            return;
        }
        if (srtt < 0) {
            srtt = rtt;
            rttvar = rtt / 2;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - rtt)) / 4;
            srtt = (7 * srtt + rtt) / 8;
        }
        rto = clamp(srtt + Math.max(1_000_000L, 4 * rttvar));
    }

    /**
     * Caps the timeout at the peer's own retransmission timeout (the {@code timeout} option it
     * granted, RFC 2349): the peer gives a transfer up after a few of its timeouts, so backing off
     * beyond one of them would let the peer quit while this side still waits.
     */
    void limitTo(long nanos) {
        max = Math.max(min, Math.min(max, nanos));
        rto = clamp(rto);
    }

    void backoff() {
        rto = Math.min(max, rto * 2);
    }

    private long clamp(long v) {
        return Math.max(min, Math.min(max, v));
    }
}
