package org.mppfw.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.mppfw.layout.ConsoleFrame;

/**
 * An output stream sent as {@link ConsoleFrame#OUTPUT} frames: bytes gather until a flush (or
 * until a frame's worth), so that a terminal writing byte by byte does not send a frame per byte.
 */
final class FrameOutput extends OutputStream {

    private static final int FRAME = 8192;

    private final DataOutputStream socket;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    FrameOutput(DataOutputStream socket) {
        this.socket = socket;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        pending.write(b);
        if (pending.size() >= FRAME) {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        pending.write(b, off, len);
        if (pending.size() >= FRAME) {
            flush();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (pending.size() > 0) {
            byte[] bytes = pending.toByteArray();
            pending.reset();
            ConsoleFrame.write(socket, ConsoleFrame.OUTPUT, bytes);
        }
    }
}
