package org.mppfw.lab;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * One line per request: time, client, transport, method, path, status, bytes sent and the
 * User-Agent. Only the path is logged (never a query string or a body), and control characters
 * are escaped, so a line never carries a secret nor forges another line.
 */
public final class RequestLog {

    private final Consumer<String> sink;

    public RequestLog(Consumer<String> sink) {
        this.sink = sink;
    }

    public void request(InetSocketAddress client, Content.Transport transport, String method, String path,
            String status, long bytes, String userAgent) {
        String who = client == null ? "-" : client.getAddress().getHostAddress() + ":" + client.getPort();
        sink.accept(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + who + " " + transport.label() + " "
                + clean(method, 16) + " " + clean(path, 512) + " " + status + " " + bytes + " \""
                + (userAgent == null ? "-" : clean(userAgent, 256).replace("\"", "\\\"")) + "\"");
    }

    /** A line of the lab itself (start, stop, errors). */
    public void note(String text) {
        sink.accept(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + text);
    }

    public static String clean(String s, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == ' ') {
                b.append(String.format("%%%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        if (s.length() > max) {
            b.append("...");
        }
        return b.toString();
    }
}
