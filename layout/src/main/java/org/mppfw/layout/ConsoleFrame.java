package org.mppfw.layout;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * One frame of the console protocol between {@code bin/mppfw -c}/{@code --attach} and the
 * running phone's console socket: a type byte, a 4-byte big-endian length, then that many bytes.
 * <p>
 * The client opens with {@link #COMMANDS} (the text of {@code -c}, UTF-8) or {@link #ATTACH}
 * (the terminal type, columns and rows, see {@link #attach}); while attached it sends
 * {@link #INPUT} (keyboard bytes), {@link #SIZE} (a new window size) and {@link #INPUT_END} (its
 * input ended). The phone answers with {@link #OUTPUT} (bytes for the client's standard output),
 * {@link #ERROR} (bytes for its standard error) and ends with one {@link #EXIT} (the exit status, 4
 * bytes) before it closes the connection. A frame longer than {@link #MAX_LENGTH} or of an unknown
 * type ends the connection.
 *
 * @param type    the frame type
 * @param payload its bytes
 */
public record ConsoleFrame(byte type, byte[] payload) {

    public static final byte COMMANDS = 'C';
    public static final byte ATTACH = 'A';
    public static final byte INPUT = 'I';
    public static final byte INPUT_END = 'D';
    public static final byte SIZE = 'W';
    public static final byte OUTPUT = 'O';
    public static final byte ERROR = 'E';
    public static final byte EXIT = 'X';

    /** The longest payload accepted. */
    public static final int MAX_LENGTH = 1 << 20;

    private static final String TYPES = "CAIDWOEX";

    /** Reads one frame; null at the end of the stream before a frame starts. */
    public static ConsoleFrame read(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        if (TYPES.indexOf(type) < 0) {
            throw new IOException("unknown console frame type " + type);
        }
        int length;
        byte[] payload;
        try {
            length = in.readInt();
            if (length < 0 || length > MAX_LENGTH) {
                throw new IOException("console frame of " + length + " bytes");
            }
            payload = in.readNBytes(length);
        } catch (EOFException e) {
            throw new IOException("console frame cut short", e);
        }
        if (payload.length != length) {
            throw new IOException("console frame cut short");
        }
        return new ConsoleFrame((byte) type, payload);
    }

    /** Writes {@code length} bytes of {@code bytes} from {@code offset} as one frame and flushes. */
    public static void write(DataOutputStream out, byte type, byte[] bytes, int offset, int length) throws IOException {
        if (length > MAX_LENGTH) {
            throw new IOException("console frame of " + length + " bytes");
        }
        synchronized (out) {
            out.writeByte(type);
            out.writeInt(length);
            out.write(bytes, offset, length);
            out.flush();
        }
    }

    public static void write(DataOutputStream out, byte type, byte[] bytes) throws IOException {
        write(out, type, bytes, 0, bytes.length);
    }

    public static void writeText(DataOutputStream out, byte type, String text) throws IOException {
        write(out, type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** An {@link #EXIT} or {@link #SIZE} payload: big-endian ints. */
    public static byte[] ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    /** The {@code index}th int of an {@link #EXIT} or {@link #SIZE} payload. */
    public int intAt(int index) throws IOException {
        if (payload.length < 4 * (index + 1)) {
            throw new IOException("console frame " + (char) type + " too short");
        }
        return ByteBuffer.wrap(payload).getInt(4 * index);
    }

    /** The payload of an {@link #ATTACH} frame: columns, rows, then the terminal type. */
    public static byte[] attach(String terminalType, int columns, int rows) {
        byte[] name = terminalType.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + name.length).putInt(columns).putInt(rows).put(name).array();
    }

    /** The terminal type of an {@link #ATTACH} frame. */
    public String terminalType() throws IOException {
        if (payload.length < 8) {
            throw new IOException("console frame " + (char) type + " too short");
        }
        return new String(payload, 8, payload.length - 8, StandardCharsets.UTF_8);
    }

    /**
     * A socket channel's reading side as a stream. Not {@code Channels.newInputStream}: its streams
     * share the channel's blocking lock, so a write waits for a read in progress to end.
     */
    public static DataInputStream input(ByteChannel channel) {
        return new DataInputStream(new BufferedInputStream(new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
            }
        }));
    }

    /** A socket channel's writing side as a stream (see {@link #input}). */
    public static DataOutputStream output(ByteChannel channel) {
        return new DataOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            }
        });
    }

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
