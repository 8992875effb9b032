package org.mppfw.tftp.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options a client asks for. A value of 0 (or {@code false}) leaves an option out of the
 * request; {@link #PLAIN} asks for none, which is a plain RFC 1350 transfer.
 *
 * @param blksize RFC 2348 block size, 8..65464
 * @param windowsize RFC 7440 window, 1..65535
 * @param timeout RFC 2349 server retransmission timeout in seconds, 1..255
 * @param tsize whether to ask for (RRQ) or announce (WRQ) the transfer size, RFC 2349
 */
public record TftpOptions(int blksize, int windowsize, int timeout, boolean tsize) {

    public static final TftpOptions PLAIN = new TftpOptions(0, 0, 0, false);

    public TftpOptions {
        check("blksize", blksize, 8, TftpPacket.MAX_BLKSIZE);
        check("windowsize", windowsize, 1, 65535);
        check("timeout", timeout, 1, 255);
    }

    private static void check(String name, int v, int min, int max) {
        if (v != 0 && (v < min || v > max)) {
            throw new IllegalArgumentException(name + " must be 0 or " + min + ".." + max + ", not " + v);
        }
    }

    public boolean isPlain() {
        return blksize == 0 && windowsize == 0 && timeout == 0 && !tsize;
    }

    /** The option list of a request, in the order blksize, tsize, timeout, windowsize. */
    Map<String, String> toRequest(long tsizeValue) {
        Map<String, String> m = new LinkedHashMap<>();
        if (blksize != 0) {
            m.put("blksize", Integer.toString(blksize));
        }
        if (tsize) {
            m.put("tsize", Long.toString(tsizeValue));
        }
        if (timeout != 0) {
            m.put("timeout", Integer.toString(timeout));
        }
        if (windowsize != 0) {
            m.put("windowsize", Integer.toString(windowsize));
        }
        return m;
    }

    @Override
    public String toString() {
        return isPlain() ? "none" : toRequest(0).toString();
    }
}
