package org.mppfw.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mppfw.testing.VirtualClock;

/**
 * The life of a lease on the virtual clock, with the exchanges and the interface recorded: T1
 * renewal, retries to T2, rebinding, the end of the lease, DHCPNAK, release at stop.
 */
class LeaseKeeperTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private final VirtualClock clock = new VirtualClock(T0, ZoneId.of("UTC"));
    /** What happened, with the second it happened at: {@code 0 acquire}, {@code 60 renew}, {@code 0 link apply ...}. */
    private final List<String> events = new ArrayList<>();
    /** The answers to give, in order: a lease time in seconds, or an exception. */
    private final Deque<Object> answers = new ArrayDeque<>();

    private String at() {
        return Duration.between(T0, clock.now()).toSeconds() + " ";
    }

    private static Inet4Address ip(String s) {
        try {
            return (Inet4Address) InetAddress.getByName(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private DhcpLease answer(String what) throws IOException {
        events.add(at() + what);
        Object a = answers.isEmpty() ? new SocketTimeoutException("no reply") : answers.removeFirst();
        if (a instanceof IOException e) {
            throw e;
        }
        return new DhcpLease(ip("10.0.0.100"), ip("10.0.0.1"), 24, Duration.ofSeconds((Integer) a), clock.now(),
                Map.of(3, new byte[] {10, 0, 0, 1}), false);
    }

    private final DhcpExchanges exchanges = new DhcpExchanges() {
        @Override
        public DhcpLease acquire() throws IOException {
            return answer("acquire");
        }

        @Override
        public DhcpLease renew(DhcpLease lease) throws IOException {
            return answer("renew");
        }

        @Override
        public DhcpLease rebind(DhcpLease lease) throws IOException {
            return answer("rebind");
        }

        @Override
        public void release(DhcpLease lease) {
            events.add(at() + "release " + lease.address().getHostAddress());
        }

        @Override
        public DhcpLease inform(Inet4Address address) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    };

    private final Link link = new Link() {
        @Override
        public void prepare() {
            events.add(at() + "link prepare");
        }

        @Override
        public void apply(DhcpLease lease, DhcpLease previous) {
            events.add(at() + "link apply " + lease.address().getHostAddress() + " via " + lease.routers().get(0).getHostAddress());
        }

        @Override
        public void remove(DhcpLease lease) {
            events.add(at() + "link remove " + lease.address().getHostAddress());
        }
    };

    private LeaseKeeper started() {
        Settings s = new Settings(Settings.Mode.DHCP, "eth0", "", Map.of(), List.of(), SrvResolver.WeightOrder.LOWER_FIRST, true,
                Duration.ofSeconds(1), 1, Duration.ofSeconds(60));
        LeaseKeeper k = new LeaseKeeper(clock, s, () -> exchanges, link, Runnable::run, l -> events.add(at() + "leased"));
        k.start();
        return k;
    }

    @Test
    void aLeaseIsRenewedAtT1ByTheServerThatGaveIt() {
        answers.addAll(List.of(120, 120));
        LeaseKeeper k = started();
        clock.advance(Duration.ofSeconds(59));
        assertEquals(List.of("0 link prepare", "0 acquire", "0 link apply 10.0.0.100 via 10.0.0.1", "0 leased"), events);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("60 renew", "60 link apply 10.0.0.100 via 10.0.0.1", "60 leased"), events.subList(4, 7));
        assertEquals(T0.plusSeconds(120), clock.nextDeadline(), "the next renewal at T1 of the new lease");
        k.stop();
    }

    @Test
    void unansweredRenewalsAreRetriedUntilT2ThenRebindingUntilTheEndThenItStartsOver() {
        answers.add(3600);
        LeaseKeeper k = started();
        events.clear();
        clock.advance(Duration.ofSeconds(3600));
        // T1 1800, T2 3150 (7/8): half the time left each time, at least 60 s, then the end of the lease
        assertEquals(List.of("1800 renew", "2475 renew", "2812 renew", "2981 renew", "3065 renew", "3150 link prepare",
                "3150 rebind", "3375 link prepare", "3375 rebind", "3487 link prepare", "3487 rebind",
                "3600 link remove 10.0.0.100", "3600 link prepare", "3600 acquire"), events);
        assertNull(k.lease());
        k.stop();
    }

    @Test
    void aRenewalTheServerRefusesEndsTheLeaseAtOnce() {
        answers.addAll(List.of(120, new DhcpExchanges.Refused("DHCPNAK"), 120));
        LeaseKeeper k = started();
        events.clear();
        clock.advance(Duration.ofSeconds(60));
        assertEquals(List.of("60 renew", "60 link remove 10.0.0.100", "60 link prepare", "60 acquire",
                "60 link apply 10.0.0.100 via 10.0.0.1", "60 leased"), events);
        k.stop();
    }

    @Test
    void aLostLeaseIsToldBeforeTheNextOneIsTaken() {
        answers.addAll(List.of(120, new DhcpExchanges.Refused("DHCPNAK"), 120));
        LeaseKeeper k = started();
        k.onDrop(() -> events.add(at() + "dropped"));
        events.clear();
        clock.advance(Duration.ofSeconds(60));
        assertEquals(List.of("60 renew", "60 link remove 10.0.0.100", "60 dropped", "60 link prepare", "60 acquire",
                "60 link apply 10.0.0.100 via 10.0.0.1", "60 leased"), events);
        k.stop();
    }

    @Test
    void aRefusedStartWaitsBeforeTryingAgain() {
        answers.addAll(List.of(new DhcpExchanges.Refused("DHCPNAK"), 120));
        LeaseKeeper k = started();
        clock.advance(Duration.ofSeconds(59));
        assertEquals(List.of("0 link prepare", "0 acquire"), events);
        clock.advance(Duration.ofSeconds(1));
        assertEquals("60 acquire", events.get(3));
        k.stop();
    }

    @Test
    void theLeaseIsReleasedAtStopAndTheAddressTakenAway() {
        answers.add(120);
        LeaseKeeper k = started();
        events.clear();
        k.stop();
        k.release();
        assertEquals(List.of("0 release 10.0.0.100", "0 link remove 10.0.0.100"), events);
        clock.advance(Duration.ofHours(1));
        assertEquals(2, events.size(), "stopped: nothing more");
        assertNull(k.lease());
    }

    @Test
    void theCapabilityIsReadFromTheProcessStatus() {
        String root = "Uid:\t0\t0\t0\t0\nCapEff:\t000001ffffffffff\nCapAmb:\t0000000000000000\n";
        assertNull(Capabilities.netAdminRefusal(root));
        String noAdmin = "Uid:\t0\t0\t0\t0\nCapEff:\t000001ffffffefff\nCapAmb:\t0000000000000000\n";
        assertEquals("the process has no CAP_NET_ADMIN", Capabilities.netAdminRefusal(noAdmin));
        String user = "Uid:\t1000\t1000\t1000\t1000\nCapEff:\t0000000000001000\nCapAmb:\t0000000000000000\n";
        assertTrue(Capabilities.netAdminRefusal(user).contains("not ambient"));
        String ambient = "Uid:\t1000\t1000\t1000\t1000\nCapEff:\t0000000000001400\nCapAmb:\t0000000000001400\n";
        assertNull(Capabilities.netAdminRefusal(ambient));
    }
}
