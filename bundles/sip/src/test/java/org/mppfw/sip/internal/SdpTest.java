package org.mppfw.sip.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The SDP answer chooses from the offer (RFC 3264). */
class SdpTest {

    private static byte[] offer(String m, String... attributes) {
        return ("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n" + m + "\r\n"
                + String.join("\r\n", attributes) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstKnownCodecOfTheOfferAndItsDtmf() {
        String a = Sdp.answer(offer("m=audio 4000 RTP/AVP 8 0 101", "a=rtpmap:101 telephone-event/8000"), "192.0.2.10",
                16384);
        assertTrue(a.contains("m=audio 16384 RTP/AVP 0 101\r\n"), a);
        assertTrue(a.contains("c=IN IP4 192.0.2.10\r\n") && a.contains("a=rtpmap:101 telephone-event/8000"), a);
        String alaw = Sdp.answer(offer("m=audio 4000 RTP/AVP 8"), "192.0.2.10", 16386);
        assertTrue(alaw.contains("m=audio 16386 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n"), alaw);
    }

    @Test
    void noOfferGetsPcmuAndNoCommonCodecNoAnswer() {
        assertTrue(Sdp.answer(null, "192.0.2.10", 16384).contains("RTP/AVP 0\r\n"));
        assertNull(Sdp.answer(offer("m=audio 4000 RTP/AVP 18"), "192.0.2.10", 16384));
    }
}
