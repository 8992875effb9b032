package org.mppfw.tftp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class RtoTest {

    @Test
    void backoffDoublesUpToTheMaximum() {
        Rto rto = new Rto(ClientSettings.DEFAULT);
        long first = rto.current();
        assertEquals(ClientSettings.DEFAULT.initialRto().toNanos(), first, "the initial RTO before any sample");
        rto.backoff();
        assertEquals(2 * first, rto.current());
        for (int i = 0; i < 10; i++) {
            rto.backoff();
        }
        assertEquals(ClientSettings.DEFAULT.maxRto().toNanos(), rto.current());
    }

    /** The request of ScriptedServerTest goes again after the initial RTO (200 ms), then after twice that. */
    @Test
    void anUnansweredRequestWaitsTheInitialRtoThenTwiceIt() {
        Rto rto = new Rto(new ClientSettings(5, Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(2),
                53240, 53245));
        assertEquals(Duration.ofMillis(200).toNanos(), rto.current());
        rto.backoff();
        assertEquals(Duration.ofMillis(400).toNanos(), rto.current());
    }

    /**
     * A peer that granted timeout=1 retransmits every second and gives up after a few: backing off
     * to 8 s would wait past its give-up (seen with atftpd on a lossy link, uploads failing now and then).
     */
    @Test
    void thePeersGrantedTimeoutCapsTheBackoff() {
        Rto rto = new Rto(ClientSettings.DEFAULT);
        rto.backoff();
        rto.backoff();
        rto.limitTo(TimeUnit.SECONDS.toNanos(1));
        assertEquals(Duration.ofSeconds(1).toNanos(), rto.current());
        for (int i = 0; i < 5; i++) {
            rto.backoff();
        }
        assertEquals(Duration.ofSeconds(1).toNanos(), rto.current());
        rto.limitTo(1); // never below the minimum
        assertEquals(ClientSettings.DEFAULT.minRto().toNanos(), rto.current());
    }
}
