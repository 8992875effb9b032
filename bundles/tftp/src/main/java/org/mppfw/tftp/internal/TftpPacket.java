package org.mppfw.tftp.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The five TFTP packet kinds of RFC 1350 plus the OACK of RFC 2347, with a strict parser for
 * datagrams from the network and encoders into a caller's buffer.
 *
 * <p>Strings are read as ISO-8859-1 so that any byte sequence round-trips; option names are
 * case-insensitive and kept in lower case.
 */
public sealed interface TftpPacket {

    int RRQ = 1;
    int WRQ = 2;
    int DATA = 3;
    int ACK = 4;
    int ERROR = 5;
    int OACK = 6;

    /** Largest block size of RFC 2348, and so the largest DATA packet is this plus 4. */
    int MAX_BLKSIZE = 65464;
    int MAX_PACKET = MAX_BLKSIZE + 4;

    int opcode();

    /** Writes this packet into {@code out} from index 0 and returns its length. */
    int encode(byte[] out);

    /** RRQ or WRQ. */
    record Request(boolean write, String filename, String mode, Map<String, String> options) implements TftpPacket {
        public Request {
            Objects.requireNonNull(filename);
            Objects.requireNonNull(mode);
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        @Override
        public int opcode() {
            return write ? WRQ : RRQ;
        }

        @Override
        public int encode(byte[] out) {
            int p = putShort(out, 0, opcode());
            p = putString(out, p, filename);
            p = putString(out, p, mode);
            for (Map.Entry<String, String> e : options.entrySet()) {
                p = putString(out, p, e.getKey());
                p = putString(out, p, e.getValue());
            }
            return p;
        }
    }

    /** DATA: a block number and a view on its payload (not copied). */
    record Data(int block, byte[] buf, int offset, int length) implements TftpPacket {
        @Override
        public int opcode() {
            return DATA;
        }

        @Override
        public int encode(byte[] out) {
            return encodeData(out, block, buf, offset, length);
        }
    }

    record Ack(int block) implements TftpPacket {
        @Override
        public int opcode() {
            return ACK;
        }

        @Override
        public int encode(byte[] out) {
            return encodeAck(out, block);
        }
    }

    record Error(int code, String message) implements TftpPacket {
        public Error {
            Objects.requireNonNull(message);
        }

        @Override
        public int opcode() {
            return ERROR;
        }

        @Override
        public int encode(byte[] out) {
            putShort(out, 0, ERROR);
            int p = putShort(out, 2, code);
            return putString(out, p, message);
        }

        /** The message with control characters replaced and cut to 120 characters, fit for a log line. */
        public String printableMessage() {
            StringBuilder sb = new StringBuilder(Math.min(message.length(), 120));
            for (int i = 0; i < message.length() && sb.length() < 120; i++) {
                char c = message.charAt(i);
                sb.append(c >= 0x20 && c < 0x7f ? c : '?');
            }
            return sb.toString();
        }
    }

    record Oack(Map<String, String> options) implements TftpPacket {
        public Oack {
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        @Override
        public int opcode() {
            return OACK;
        }

        @Override
        public int encode(byte[] out) {
            int p = putShort(out, 0, OACK);
            for (Map.Entry<String, String> e : options.entrySet()) {
                p = putString(out, p, e.getKey());
                p = putString(out, p, e.getValue());
            }
            return p;
        }
    }

    /** Writes an ACK into {@code out}; returns 4. */
    static int encodeAck(byte[] out, int block) {
        putShort(out, 0, ACK);
        putShort(out, 2, block & 0xffff);
        return 4;
    }

    /** Writes a DATA packet into {@code out}; returns its length. */
    static int encodeData(byte[] out, int block, byte[] src, int off, int len) {
        putShort(out, 0, DATA);
        putShort(out, 2, block & 0xffff);
        System.arraycopy(src, off, out, 4, len);
        return 4 + len;
    }

    /**
     * Parses one datagram.
     *
     * @throws MalformedPacketException for anything but a well-formed packet; never another exception
     */
    static TftpPacket parse(byte[] b, int off, int len) throws MalformedPacketException {
        if (len < 2) {
            throw new MalformedPacketException("datagram of " + len + " bytes");
        }
        if (len > MAX_PACKET) {
            throw new MalformedPacketException("datagram of " + len + " bytes exceeds " + MAX_PACKET);
        }
        int op = getShort(b, off);
        switch (op) {
            case RRQ, WRQ -> {
                Cursor c = new Cursor(b, off + 2, off + len);
                String file = c.string("filename");
                String mode = c.string("mode");
                Map<String, String> options = options(c);
                return new Request(op == WRQ, file, mode, options);
            }
            case DATA -> {
                if (len < 4) {
                    throw new MalformedPacketException("DATA of " + len + " bytes");
                }
                return new Data(getShort(b, off + 2), b, off + 4, len - 4);
            }
            case ACK -> {
                if (len != 4) {
                    throw new MalformedPacketException("ACK of " + len + " bytes");
                }
                return new Ack(getShort(b, off + 2));
            }
            case ERROR -> {
                if (len < 4) {
                    throw new MalformedPacketException("ERROR of " + len + " bytes");
                }
                int end = off + 4;
                while (end < off + len && b[end] != 0) {
                    end++;
                }
                // A missing terminating NUL is tolerated: the message is what is there.
                return new Error(getShort(b, off + 2), new String(b, off + 4, end - off - 4, StandardCharsets.ISO_8859_1));
            }
            case OACK -> {
                Cursor c = new Cursor(b, off + 2, off + len);
                return new Oack(options(c));
            }
            default -> throw new MalformedPacketException("unknown opcode " + op);
        }
    }

    static TftpPacket parse(byte[] b, int len) throws MalformedPacketException {
        return parse(b, 0, len);
    }

    private static Map<String, String> options(Cursor c) throws MalformedPacketException {
        Map<String, String> options = new LinkedHashMap<>();
        while (c.more()) {
            String name = c.string("option name").toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new MalformedPacketException("empty option name");
            }
            String value = c.string("value of option " + name);
            if (options.put(name, value) != null) {
                throw new MalformedPacketException("option " + name + " given twice");
            }
        }
        return options;
    }

    private static int getShort(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    private static int putShort(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
        return i + 2;
    }

    private static int putString(byte[] b, int i, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(bytes, 0, b, i, bytes.length);
        b[i + bytes.length] = 0;
        return i + bytes.length + 1;
    }

    /** Reads NUL-terminated strings. */
    final class Cursor {
        private final byte[] b;
        private int pos;
        private final int end;

        Cursor(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        String string(String what) throws MalformedPacketException {
            int start = pos;
            while (pos < end && b[pos] != 0) {
                pos++;
            }
            if (pos >= end) {
                throw new MalformedPacketException(what + " is not NUL-terminated");
            }
            String s = new String(b, start, pos - start, StandardCharsets.ISO_8859_1);
            pos++;
            return s;
        }
    }
}
