package org.mppfw.sip.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.mppfw.testing.Await;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Ready;
import org.mppfw.testing.Scratch;

/** SIPp (Debian's sip-tester) running one call of a scenario of {@code src/test/resources/sipp/}. */
final class Sipp {

    final Process process;
    final Scratch scratch;
    final String name;

    private Sipp(Scratch scratch, String name, Process process) {
        this.scratch = scratch;
        this.name = name;
        this.process = process;
    }

    /** Starts one call of {@code scenario} to {@code user} at 127.0.0.1:{@code port}. */
    static Sipp call(Scratch s, String scenario, String user, int port) throws IOException {
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
            s.write(scenario, in.readAllBytes());
        }
        String name = "sipp-" + scenario.replace(".xml", "");
        Process p = s.start(null, name, s.file(name + ".out"), Ready.atOnce(), List.of("sipp", "-sf",
                s.file(scenario).toString(), "-s", user, "127.0.0.1:" + port, "-i", "127.0.0.1", "-p",
                Integer.toString(Ports.udp()), "-mp", Integer.toString(Ports.udp()), "-m", "1", "-timeout", "60s",
                "-recv_timeout", "30000", "-trace_err", "-nostdin"));
        return new Sipp(s, name, p);
    }

    /** Waits for the call to end; SIPp's exit status (0: the scenario went through). */
    int exit() throws InterruptedException {
        Await.until(name + " to end", () -> !process.isAlive());
        process.waitFor(1, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /** SIPp's output and error log, for messages. */
    String log() {
        StringBuilder b = new StringBuilder(scratch.read(name + ".out"));
        try (var files = java.nio.file.Files.list(scratch.dir)) {
            files.filter(f -> f.getFileName().toString().endsWith("_errors.log"))
                    .forEach(f -> b.append(scratch.read(f.getFileName().toString())));
        } catch (IOException e) {
            b.append(e);
        }
        return b.toString();
    }
}
