package org.mppfw.api.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ServiceSlotTest {

    @Test
    void anUnsetOfAnInstanceThatWasReplacedKeepsTheNewOne() {
        ServiceSlot<String> slot = new ServiceSlot<>("decoder");
        slot.set("old");
        slot.set("new");
        slot.unset("old");
        assertEquals("new", slot.get().orElseThrow());
        slot.unset("new");
        assertTrue(slot.get().isEmpty());
    }

    @Test
    void aWaitingCallerGetsTheServiceThatArrives() throws Exception {
        ServiceSlot<String> slot = new ServiceSlot<>("decoder");
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<String> got = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            return slot.await(Duration.ofMinutes(5)).orElse("none");
        });
        assertTrue(waiting.await(1, TimeUnit.MINUTES));
        slot.set("codec");
        assertEquals("codec", got.get(1, TimeUnit.MINUTES));
    }

    @Test
    void noServiceAfterTheWaitNamesWhatIsMissing() {
        ServiceSlot<String> slot = new ServiceSlot<>("profile decoder");
        IOException e = assertThrows(IOException.class, () -> slot.require(Duration.ZERO, IOException::new));
        assertEquals("no profile decoder is running", e.getMessage());
    }

    @Test
    void aServiceGoneForLongerThanTheWaitIsNotWaitedForAgain() throws Exception {
        AtomicLong nanos = new AtomicLong();
        ServiceSlot<String> slot = new ServiceSlot<>("provisioning log", nanos::get);
        slot.set("log");
        slot.unset("log");
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        CompletableFuture<Boolean> absent = CompletableFuture.supplyAsync(() -> slot.await(Duration.ofMinutes(5)).isEmpty());
        assertTrue(absent.get(1, TimeUnit.MINUTES));
    }
}
