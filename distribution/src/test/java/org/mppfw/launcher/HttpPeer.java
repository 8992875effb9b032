package org.mppfw.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * nginx on a free loopback port serving {@code www/} of a scratch dir (with byte ranges, as
 * firmware servers do); its access log tells what the phone fetched. {@link #close()} stops it.
 */
final class HttpPeer implements AutoCloseable {

    final Path dir;
    final int port;
    private final Process process;

    HttpPeer(Path dir) throws IOException, InterruptedException {
        this(dir, "");
    }

    /** @param extra more nginx directives inside the server block (a rate limit, ...) */
    HttpPeer(Path dir, String extra) throws IOException, InterruptedException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("www"));
        Files.createDirectories(dir.resolve("tmp"));
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            port = s.getLocalPort();
        }
        String d = dir.toString();
        String user = "root".equals(System.getProperty("user.name")) ? "user root root;\n" : "";
        Files.writeString(dir.resolve("nginx.conf"), "daemon off; worker_processes 1; pid " + d + "/nginx.pid;"
                + " error_log " + d + "/error.log;\n" + user
                + "events { worker_connections 64; }\n"
                + "http { default_type application/octet-stream; access_log " + d + "/access.log; client_body_temp_path " + d + "/tmp; proxy_temp_path " + d + "/tmp;"
                + " fastcgi_temp_path " + d + "/tmp; uwsgi_temp_path " + d + "/tmp; scgi_temp_path " + d + "/tmp;\n"
                + "  server { listen 127.0.0.1:" + port + "; root " + d + "/www; " + extra + " }\n}\n");
        process = new ProcessBuilder("nginx", "-p", d, "-c", d + "/nginx.conf").redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile()).start();
        for (int i = 0; i < 200; i++) {
            if (!process.isAlive()) {
                throw new IOException("nginx stopped: " + Files.readString(dir.resolve("nginx.out")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("nginx does not listen on " + port);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + "/" + path;
    }

    Path file(String path) {
        return dir.resolve("www").resolve(path);
    }

    String accessLog() throws IOException {
        Path p = dir.resolve("access.log");
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
