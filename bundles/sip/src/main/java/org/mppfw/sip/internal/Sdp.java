package org.mppfw.sip.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SDP answer to an INVITE's offer (RFC 3264): one audio stream with the first codec of the
 * offer the phone knows (G.711 µ-law, then A-law, then telephone-event for DTMF), on the line's
 * RTP port. The answer is real; the media is not sent (out of scope: the phone has no audio).
 */
final class Sdp {

    private Sdp() {
    }

    /**
     * The answer to {@code offer} (null or unreadable: an answer offering PCMU), from
     * {@code ip}, RTP on {@code rtpPort}.
     */
    static String answer(byte[] offer, String ip, int rtpPort) {
        List<String> formats = formats(offer);
        List<String> chosen = new ArrayList<>();
        for (String known : List.of("0", "8")) {
            if (formats.isEmpty() || formats.contains(known)) {
                chosen.add(known);
                break;
            }
        }
        if (chosen.isEmpty()) {
            return null;
        }
        String dtmf = telephoneEvent(offer);
        if (dtmf != null) {
            chosen.add(dtmf);
        }
        long id = System.currentTimeMillis() / 1000;
        StringBuilder b = new StringBuilder();
        b.append("v=0\r\n").append("o=- ").append(id).append(' ').append(id).append(" IN IP4 ").append(ip).append("\r\n")
                .append("s=-\r\n").append("c=IN IP4 ").append(ip).append("\r\n").append("t=0 0\r\n")
                .append("m=audio ").append(rtpPort).append(" RTP/AVP ").append(String.join(" ", chosen)).append("\r\n");
        for (String f : chosen) {
            b.append("a=rtpmap:").append(f).append(' ').append(switch (f) {
                case "0" -> "PCMU/8000";
                case "8" -> "PCMA/8000";
                default -> "telephone-event/8000";
            }).append("\r\n");
        }
        b.append("a=sendrecv\r\n");
        return b.toString();
    }

    /** The payload formats of the offer's first audio stream. */
    private static List<String> formats(byte[] offer) {
        List<String> out = new ArrayList<>();
        for (String line : lines(offer)) {
            if (line.startsWith("m=audio ")) {
                String[] parts = line.trim().split(" +");
                for (int i = 3; i < parts.length; i++) {
                    out.add(parts[i]);
                }
                break;
            }
        }
        return out;
    }

    private static String telephoneEvent(byte[] offer) {
        for (String line : lines(offer)) {
            if (line.startsWith("a=rtpmap:") && line.toLowerCase(java.util.Locale.ROOT).contains("telephone-event/8000")) {
                String pt = line.substring(9).split(" ", 2)[0].trim();
                if (pt.matches("\\d{1,3}")) {
                    return pt;
                }
            }
        }
        return null;
    }

    private static List<String> lines(byte[] offer) {
        return offer == null ? List.of() : new String(offer, StandardCharsets.UTF_8).lines().toList();
    }
}
