package org.mppfw.testing;

import java.util.ArrayList;
import java.util.List;


/** sipsak sending one NOTIFY from a file, with or without digest credentials. */
public final class Sipsak {

    private Sipsak() {
    }

    /** The NOTIFY of {@code event} to {@code user} at 127.0.0.1:{@code port}, CRLF line ends. */
    public static String notify(String user, int port, String event) {
        String id = Long.toHexString(System.nanoTime());
        return String.join("\r\n", "NOTIFY sip:" + user + "@127.0.0.1:" + port + " SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-" + id,
                "From: <sip:provider@127.0.0.1>;tag=" + id,
                "To: <sip:" + user + "@127.0.0.1>",
                "Call-ID: notify-" + id + "@127.0.0.1",
                "CSeq: 1 NOTIFY",
                "Max-Forwards: 70",
                "Event: " + event,
                "Subscription-State: terminated;reason=timeout",
                "Content-Length: 0", "", "");
    }

    /**
     * Sends {@code request} to {@code user}@127.0.0.1:{@code port}, answering a 401 with
     * {@code authUser}/{@code password} when they are given; sipsak's exit status (0: a 200 came
     * back, 1: another final answer) and its output.
     */
    public static Commands.Result send(Scratch s, String request, String user, int port, String authUser, String password)
            throws Exception {
        Peer.require("sipsak");
        String file = "notify-" + Long.toHexString(System.nanoTime()) + ".txt";
        s.write(file, request);
        List<String> cmd = new ArrayList<>(List.of("sipsak", "-vv", "-f", s.file(file).toString(), "-s",
                "sip:" + user + "@127.0.0.1:" + port, "-l", Integer.toString(Ports.udp())));
        if (authUser != null) {
            cmd.addAll(List.of("-u", authUser, "-a", password));
        }
        return Commands.run(s.dir, cmd.toArray(String[]::new));
    }
}
