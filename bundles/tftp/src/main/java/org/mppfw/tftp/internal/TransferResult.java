package org.mppfw.tftp.internal;

/**
 * What a finished transfer did.
 *
 * @param bytes bytes received or sent
 * @param negotiated the options in use
 * @param nanos duration from the first request to the last packet
 * @param retransmissions requests, ACKs or DATA sent again after a timeout or a gap
 * @param foreignPackets packets from a foreign TID, answered with ERROR 5
 * @param localPort the source port used
 * @param fallback why the transfer was retried without options, or null
 */
public record TransferResult(long bytes, Negotiated negotiated, long nanos, int retransmissions,
        int foreignPackets, int localPort, String fallback) {

    /** Bytes per second. */
    public double rate() {
        return nanos <= 0 ? 0 : bytes * 1e9 / nanos;
    }

    /** One line for the log and the shell. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%d bytes in %.3f s (%.1f MB/s), %s%s%s", bytes, nanos / 1e9,
                rate() / 1e6, negotiated.describe(),
                retransmissions > 0 ? ", " + retransmissions + " retransmissions" : "",
                fallback != null ? ", retried without options (" + fallback + ")" : "");
    }
}
