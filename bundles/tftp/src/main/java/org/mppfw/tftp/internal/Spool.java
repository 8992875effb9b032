package org.mppfw.tftp.internal;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a download lands before the caller reads it: memory up to a threshold, then a
 * temporary file, so that a 20 MiB firmware image is never held in memory.
 */
final class Spool extends OutputStream {

    private final Path dir;
    private final int threshold;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream out;
    private long size;

    /**
     * @param dir where the temporary file goes
     * @param threshold bytes kept in memory at most
     */
    Spool(Path dir, int threshold) {
        this.dir = dir;
        this.threshold = threshold;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (memory != null && memory.size() + len > threshold) {
            Files.createDirectories(dir);
            file = Files.createTempFile(dir, "tftp-", ".part");
            out = new BufferedOutputStream(Files.newOutputStream(file), 64 << 10);
            memory.writeTo(out);
            memory = null;
        }
        (memory != null ? memory : out).write(b, off, len);
        size += len;
    }

    long size() {
        return size;
    }

    /** True once the content went to a file. */
    boolean onDisk() {
        return file != null;
    }

    /** Closes the writing side and opens the content for reading. */
    InputStream openInput() throws IOException {
        if (memory != null) {
            return new ByteArrayInputStream(memory.toByteArray());
        }
        out.close();
        return Files.newInputStream(file);
    }

    /** Drops the content. */
    void discard() {
        memory = null;
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the file goes anyway
            }
        }
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                file.toFile().deleteOnExit();
            }
        }
    }

    @Override
    public void close() {
        // closed by openInput() or discard()
    }
}
