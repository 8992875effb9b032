package org.mppfw.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** When a server the test started can be used. */
@FunctionalInterface
public interface Ready {

    /** Whether the server is ready now. */
    boolean now() throws IOException;

    /** At once: the test waits for the server itself. */
    static Ready atOnce() {
        return () -> true;
    }

    /** Once something accepts TCP connections on 127.0.0.1:{@code port}. */
    static Ready tcp(int port) {
        return tcp("127.0.0.1", port);
    }

    /** Once something accepts TCP connections on {@code host}:{@code port}. */
    static Ready tcp(String host, int port) {
        return () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }

    /** Once a socket of this network namespace is bound to the UDP {@code port} (from /proc/net/udp). */
    static Ready udpBound(int port) {
        String hex = String.format(Locale.ROOT, ":%04X ", port);
        return () -> {
            try (Stream<String> lines = Files.lines(Path.of("/proc/net/udp"))) {
                return lines.anyMatch(l -> l.contains(hex));
            }
        };
    }
}
