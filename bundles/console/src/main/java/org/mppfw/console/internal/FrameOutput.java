package org.mppfw.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.mppfw.layout.ConsoleFrame;

/**
 * An output stream sent as {@link ConsoleFrame#OUTPUT} frames: bytes gather until a flush, a
 * frame's worth, or {@value #LINGER_MS} ms after the first of them (a command that prints without
 * flushing still shows its output as it goes), so that a terminal writing byte by byte does not
 * send a frame per byte.
 */
final class FrameOutput extends OutputStream {

    private static final int FRAME = 8192;
    private static final long LINGER_MS = 20;

    private final DataOutputStream socket;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mppfw-console-output");
        t.setDaemon(true);
        return t;
    });
    private boolean flushDue;

    FrameOutput(DataOutputStream socket) {
        this.socket = socket;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        pending.write(b);
        written();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        pending.write(b, off, len);
        written();
    }

    private void written() throws IOException {
        if (pending.size() >= FRAME) {
            flush();
        } else if (!flushDue && !flusher.isShutdown()) {
            flushDue = true;
            flusher.schedule(this::flushLater, LINGER_MS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void flushLater() {
        try {
            flush();
        } catch (IOException e) {
            // the client is gone: the session ends on its next write or read
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        flushDue = false;
        if (pending.size() > 0) {
            byte[] bytes = pending.toByteArray();
            pending.reset();
            ConsoleFrame.write(socket, ConsoleFrame.OUTPUT, bytes);
        }
    }

    /** Sends what is left; the frames after it (the exit status) are the caller's. */
    @Override
    public synchronized void close() throws IOException {
        flusher.shutdownNow();
        flush();
    }
}
