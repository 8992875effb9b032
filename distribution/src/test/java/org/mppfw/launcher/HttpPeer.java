package org.mppfw.launcher;

import java.io.IOException;
import java.nio.file.Path;

import org.mppfw.testing.Nginx;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;

/**
 * nginx on a free loopback port serving {@code www/} of a scratch dir (with byte ranges, as
 * firmware servers do); its access log tells what the phone fetched. {@link #close()} stops it.
 */
final class HttpPeer implements AutoCloseable {

    final Path dir;
    final int port;
    private final Scratch scratch;
    private final Nginx nginx;

    HttpPeer(Path dir) throws IOException {
        this(dir, "");
    }

    /** @param extra more nginx directives inside the server block (a rate limit, ...) */
    HttpPeer(Path dir, String extra) throws IOException {
        this.dir = dir;
        this.scratch = Scratch.in(dir);
        scratch.mkdirs("www");
        port = Ports.tcp();
        nginx = Nginx.start(scratch, port, "  default_type application/octet-stream;\n"
                + "  server { listen 127.0.0.1:" + port + "; root " + dir + "/www; " + extra + " }\n");
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + "/" + path;
    }

    Path file(String path) {
        return dir.resolve("www").resolve(path);
    }

    String accessLog() {
        return nginx.accessLog();
    }

    @Override
    public void close() {
        scratch.close();
    }
}
