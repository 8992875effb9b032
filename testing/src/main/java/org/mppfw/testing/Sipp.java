package org.mppfw.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;


/**
 * SIPp (Debian's sip-tester) running one call of a scenario of this module's
 * {@code org/mppfw/testing/sipp/}: {@code call-remote-bye.xml} (the caller hangs up after a
 * moment), {@code call-phone-hangs-up.xml} (the caller waits for the phone's BYE),
 * {@code call-cancelled.xml} (the caller gives up while it rings).
 */
public final class Sipp {

    public final Process process;
    private final Scratch scratch;
    private final String name;

    private Sipp(Scratch scratch, String name, Process process) {
        this.scratch = scratch;
        this.name = name;
        this.process = process;
    }

    /** Starts one call of {@code scenario} to {@code user} at 127.0.0.1:{@code port}. */
    public static Sipp call(Scratch s, String scenario, String user, int port) throws IOException {
        try (InputStream in = Sipp.class.getResourceAsStream("sipp/" + scenario)) {
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
    public int exit() throws InterruptedException {
        Await.until(name + " to end", () -> !process.isAlive());
        process.waitFor(1, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /** SIPp's output and error log, for messages. */
    public String log() {
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
