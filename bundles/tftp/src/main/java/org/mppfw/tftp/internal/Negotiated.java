package org.mppfw.tftp.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a transfer runs with after option negotiation: exactly what the server's OACK granted,
 * RFC 1350 defaults for everything else.
 *
 * @param blksize block size in use (512 unless granted)
 * @param windowsize window in use (1, lock-step, unless granted)
 * @param timeout server retransmission timeout granted in seconds, or 0
 * @param tsize transfer size from the OACK, or -1 when unknown
 * @param refused options asked for and absent from the OACK
 * @param plain true when no OACK took place (no options asked for, or the server ignored them)
 */
public record Negotiated(int blksize, int windowsize, int timeout, long tsize, List<String> refused, boolean plain) {

    public static final int DEFAULT_BLKSIZE = 512;

    public Negotiated {
        refused = List.copyOf(refused);
    }

    /** RFC 1350 lock-step with 512-byte blocks; {@code refused} names the options asked for. */
    static Negotiated plain(TftpOptions asked) {
        return new Negotiated(DEFAULT_BLKSIZE, 1, 0, -1, new ArrayList<>(asked.toRequest(0).keySet()), true);
    }

    /**
     * Checks an OACK against the request (RFC 2347: the server may only grant what was asked,
     * blksize and windowsize only equal or lower).
     *
     * @param write true for a WRQ, where tsize is the size we announced
     * @throws OptionRejectedException if the OACK grants something not asked or out of range;
     *         the client then answers ERROR 8
     */
    static Negotiated accept(TftpOptions asked, Map<String, String> oack, boolean write) throws OptionRejectedException {
        Map<String, String> request = asked.toRequest(0);
        for (String name : oack.keySet()) {
            if (!request.containsKey(name)) {
                throw new OptionRejectedException("OACK grants option " + printable(name) + " that was not requested");
            }
        }
        int blksize = DEFAULT_BLKSIZE;
        int windowsize = 1;
        int timeout = 0;
        long tsize = -1;
        List<String> refused = new ArrayList<>();
        for (String name : request.keySet()) {
            String v = oack.get(name);
            if (v == null) {
                refused.add(name);
                continue;
            }
            switch (name) {
                case "blksize" -> blksize = (int) number(name, v, 8, asked.blksize());
                case "windowsize" -> windowsize = (int) number(name, v, 1, asked.windowsize());
                case "timeout" -> timeout = (int) number(name, v, 1, 255);
                case "tsize" -> tsize = number(name, v, 0, Long.MAX_VALUE / 2);
                default -> throw new IllegalStateException(name);
            }
        }
        if (write) {
            tsize = -1;
        }
        return new Negotiated(blksize, windowsize, timeout, tsize, Collections.unmodifiableList(refused), false);
    }

    private static long number(String name, String v, long min, long max) throws OptionRejectedException {
        if (v.isEmpty() || v.length() > 18) {
            throw new OptionRejectedException("bad " + name + " value in OACK");
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw new OptionRejectedException("bad " + name + " value in OACK");
            }
            n = n * 10 + (c - '0');
        }
        if (n < min || n > max) {
            throw new OptionRejectedException(name + " " + n + " granted, outside " + min + ".." + max);
        }
        return n;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 32; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }

    /** "blksize=1428 windowsize=8 tsize=20971520 timeout=1", then refused options if any. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("blksize=").append(blksize).append(" windowsize=").append(windowsize);
        if (tsize >= 0) {
            sb.append(" tsize=").append(tsize);
        }
        if (timeout > 0) {
            sb.append(" timeout=").append(timeout);
        }
        if (plain) {
            sb.append(" (no OACK: RFC 1350)");
        }
        if (!refused.isEmpty()) {
            sb.append(" refused=").append(String.join(",", refused));
        }
        return sb.toString();
    }

    /** An OACK the client cannot accept. */
    static final class OptionRejectedException extends Exception {
        private static final long serialVersionUID = 1L;

        OptionRejectedException(String message) {
            super(message);
        }
    }
}
