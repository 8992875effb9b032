package org.mppfw.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real rsyslogd receiving syslog over UDP on 127.0.0.1, writing every line it gets to a file
 * of a {@link Scratch} folder with the given template. Stopped by the scratch.
 */
public final class Rsyslog {

    public final int port;
    /** The file of received lines. */
    public final Path received;

    private Rsyslog(int port, Path received) {
        this.port = port;
        this.received = received;
    }

    /**
     * Starts {@code rsyslogd -n} on a free UDP port and waits until its socket is bound (a line
     * sent from then on waits in the socket for rsyslogd to read it).
     *
     * @param template an rsyslog string template for each line, e.g. {@code %msg%\n}
     */
    public static Rsyslog start(Scratch s, String template) throws IOException {
        Peer.require("rsyslogd");
        int port = Ports.udp();
        Path received = s.file("received.log");
        Path conf = s.write("rsyslog.conf", "global(workDirectory=\"" + s.dir + "\")\n"
                + "module(load=\"imudp\")\n"
                + "input(type=\"imudp\" address=\"127.0.0.1\" port=\"" + port + "\")\n"
                + "template(name=\"line\" type=\"string\" string=\"" + template.replace("\n", "\\n") + "\")\n"
                + "*.* action(type=\"omfile\" file=\"" + received + "\" template=\"line\")\n");
        s.start("rsyslogd", Ready.udpBound(port), "rsyslogd", "-n", "-f", conf.toString(), "-i",
                s.file("rsyslogd.pid").toString());
        return new Rsyslog(port, received);
    }

    /** Everything received so far. */
    public String text() {
        return TempDirs.read(received);
    }

    /** The received lines containing {@code marker}, once there is one (empty if none comes). */
    public List<String> lines(String marker) {
        try {
            return Await.value("a syslog line with " + marker, () -> {
                List<String> l = text().lines().filter(x -> x.contains(marker)).collect(Collectors.toList());
                return l.isEmpty() ? null : l;
            });
        } catch (AssertionError none) {
            return List.of();
        }
    }
}
