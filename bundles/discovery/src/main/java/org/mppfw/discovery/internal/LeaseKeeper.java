package org.mppfw.discovery.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.mppfw.api.clock.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease of mode {@code dhcp} (or the answer of mode {@code inform}) through its life, RFC
 * 2131 4.4: INIT (broadcast DISCOVER on a prepared link) → BOUND (address and route applied) →
 * at T1 RENEWING (REQUEST unicast to the server) → at T2 REBINDING (REQUEST broadcast) → at the
 * end of the lease INIT again, the address taken away. A DHCPNAK ends the lease at once. A renewal
 * or rebinding that gets no answer is tried again after half the time left to T2 (to the end of
 * the lease), at least 60 s later (RFC 2131 4.4.5). A failed INIT is tried again with the
 * {@link Backoff}. At the phone's stop, {@link #release()} sends DHCPRELEASE and takes the
 * address away.
 *
 * <p>The timers run on the {@link Clock}, the exchanges on the executor, one at a time.
 */
final class LeaseKeeper {

    static final Duration MIN_RETRY = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Clock clock;
    private final Settings settings;
    private final DhcpExchanges.Opener opener;
    private final Link link;
    private final Executor worker;
    private final Consumer<DhcpLease> onLease;
    private volatile Runnable onDrop = () -> { };
    private final Backoff backoff;
    private final Object exchangeLock = new Object();

    private volatile DhcpLease lease;
    private volatile String lastError;
    private volatile Instant lastExchange;
    private volatile int attempts;
    private Clock.Timer timer;
    private boolean stopped;

    /**
     * @param link    what the phone sets on the interface ({@link Link#NONE} when the host does)
     * @param onLease told of each new answer, on the executor
     */
    LeaseKeeper(Clock clock, Settings settings, DhcpExchanges.Opener opener, Link link, Executor worker,
            Consumer<DhcpLease> onLease) {
        this.clock = clock;
        this.settings = settings;
        this.opener = opener;
        this.link = link;
        this.worker = worker;
        this.onLease = onLease;
        this.backoff = new Backoff(settings.retry(), DiscoveryEngine.MAX_RETRY);
    }

    /** Starts the first exchange on the executor. */
    void start() {
        worker.execute(this::timed);
    }

    /** Cancels the timer and schedules no more exchanges. */
    void stop() {
        synchronized (this) {
            stopped = true;
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    /** At the phone's stop, after {@link #stop()}: DHCPRELEASE, and the address taken away. */
    void release() {
        synchronized (exchangeLock) {
            DhcpLease held = lease;
            if (held == null || held.informed()) {
                return;
            }
            try (DhcpExchanges x = opener.open()) {
                x.release(held);
                LOG.info("Discovery: released {}", held);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Discovery: could not release {}: {}", held, e.getMessage());
            }
            link.remove(held);
            lease = null;
        }
    }

    DhcpLease lease() {
        return lease;
    }

    String lastError() {
        return lastError;
    }

    Instant lastExchange() {
        return lastExchange;
    }

    int attempts() {
        return attempts;
    }

    /** Runs one exchange now (renew when a lease is held), on the caller's thread; the result line. */
    String exchangeNow() {
        synchronized (exchangeLock) {
            return run(lease != null && !lease.informed() ? Step.RENEW : step());
        }
    }

    private void timed() {
        synchronized (exchangeLock) {
            run(step());
        }
    }

    private enum Step { INFORM, INIT, RENEW, REBIND }

    /** What is due now, the lease ended if it has run out. */
    private Step step() {
        if (settings.mode() == Settings.Mode.INFORM) {
            return Step.INFORM;
        }
        DhcpLease held = lease;
        if (held == null || held.informed() || held.lease() == null) {
            return Step.INIT;
        }
        Instant now = clock.now();
        if (!now.isBefore(held.at(held.lease()))) {
            LOG.warn("Discovery: the lease {} has run out; starting over", held);
            drop(held);
            return Step.INIT;
        }
        return now.isBefore(held.at(held.rebindAfter())) ? Step.RENEW : Step.REBIND;
    }

    private String run(Step step) {
        attempts++;
        DhcpLease held = lease;
        DhcpLease got;
        try (DhcpExchanges x = opener.open()) {
            got = switch (step) {
                case INFORM -> x.inform(Interfaces.ipv4(settings.interfaceName())
                        .orElseThrow(() -> new IOException("INFORM needs an IPv4 address on " + settings.interfaceName()
                                + "; it has none")));
                case INIT -> {
                    link.prepare();
                    yield x.acquire();
                }
                case RENEW -> x.renew(held);
                case REBIND -> {
                    link.prepare();
                    yield x.rebind(held);
                }
            };
            if (step != Step.INFORM) {
                link.apply(got, held);
            }
        } catch (IOException | RuntimeException e) {
            return failed(step, held, e);
        }
        lease = got;
        lastError = null;
        lastExchange = clock.now();
        backoff.reset(settings.retry());
        onLease.accept(got);
        Duration renew = got.renewAfter();
        if (renew != null) {
            later(renew);
        }
        return got.toString();
    }

    private String failed(Step step, DhcpLease held, Exception e) {
        lastError = e.getMessage();
        lastExchange = clock.now();
        Duration wait;
        if (held != null && step != Step.INIT && step != Step.INFORM && !(e instanceof DhcpExchanges.Refused)) {
            Instant until = held.at(step == Step.RENEW ? held.rebindAfter() : held.lease());
            Duration left = Duration.between(clock.now(), until);
            wait = left.dividedBy(2).compareTo(MIN_RETRY) < 0 ? left : left.dividedBy(2);
            LOG.warn("Discovery: {} of {} failed: {}; next try in {} s", step == Step.RENEW ? "renewing" : "rebinding",
                    held, e.getMessage(), wait.toSeconds());
        } else {
            boolean leaseRefused = held != null && step != Step.INIT && e instanceof DhcpExchanges.Refused;
            if (leaseRefused) {
                drop(held);
            }
            // a refused renewal starts over at once; a failed start waits, so that a server that refuses it is not flooded
            wait = leaseRefused ? Duration.ZERO : backoff.next();
            LOG.warn("Discovery: DHCP on {} failed: {}; next try in {} s", settings.interfaceName(), e.getMessage(),
                    wait.toSeconds());
        }
        later(wait.isNegative() ? Duration.ZERO : wait);
        return "failed: " + e.getMessage();
    }

    private void drop(DhcpLease held) {
        link.remove(held);
        lease = null;
        onDrop.run();
    }

    /** {@code r} runs after each lease is lost (ended, refused, released). */
    void onDrop(Runnable r) {
        onDrop = r;
    }

    /** The address the lease gave, or that of the interface for INFORM. */
    Inet4Address address() {
        DhcpLease l = lease;
        return l == null ? null : l.address();
    }

    private synchronized void later(Duration delay) {
        if (stopped) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        timer = clock.schedule(delay, () -> {
            synchronized (this) {
                if (!stopped) {
                    worker.execute(this::timed);
                }
            }
        });
    }
}
