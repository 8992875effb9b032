package org.mppfw.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LoginBackoffTest {

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final LoginBackoff backoff = new LoginBackoff(nanos::get);
    final InetAddress a = InetAddress.getLoopbackAddress();
    final InetAddress b = address("127.0.0.2");

    static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    void advance(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void twoFailuresAreFreeThenTheDelayDoublesToItsCap() {
        assertEquals(0, backoff.failed(a));
        assertEquals(0, backoff.failed(a));
        assertEquals(0, backoff.blockedSeconds(a));
        assertEquals(30, backoff.failed(a));
        assertEquals(30, backoff.blockedSeconds(a));
        assertEquals(0, backoff.blockedSeconds(b), "per source address");
        assertEquals(60, LoginBackoff.delaySeconds(4));
        assertEquals(120, LoginBackoff.delaySeconds(5));
        assertEquals(LoginBackoff.MAX_DELAY_S, LoginBackoff.delaySeconds(9));
        assertEquals(LoginBackoff.MAX_DELAY_S, LoginBackoff.delaySeconds(Integer.MAX_VALUE));
    }

    @Test
    void theDelayEndsOnTimeAndASuccessClearsTheAddress() {
        for (int i = 0; i < 3; i++) {
            backoff.failed(a);
        }
        advance(29);
        assertEquals(1, backoff.blockedSeconds(a));
        assertEquals(1, backoff.blocked().size());
        advance(1);
        assertEquals(0, backoff.blockedSeconds(a));
        assertTrue(backoff.blocked().isEmpty());
        assertEquals(60, backoff.failed(a), "the count goes on after the delay");
        advance(60);
        backoff.succeeded(a);
        assertEquals(0, backoff.failed(a), "a success starts the count again");
    }

    @Test
    void fewAddressesAreRememberedAtMost() {
        for (int i = 0; i < LoginBackoff.MAX_ADDRESSES + 10; i++) {
            InetAddress x = address("10.0." + (i / 256) + "." + (i % 256));
            backoff.failed(x);
            backoff.failed(x);
            backoff.failed(x);
        }
        assertEquals(LoginBackoff.MAX_ADDRESSES, backoff.blocked().size());
    }
}
