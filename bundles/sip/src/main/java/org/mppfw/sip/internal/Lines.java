package org.mppfw.sip.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import javax.sip.SipListener;
import javax.sip.SipProvider;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.line.LineRegistration;
import org.mppfw.api.line.LineRegistration.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.UserCredentials;

/**
 * The phone's extensions on one stack: for each enabled one a provider on its own
 * {@code SIP_Port} (UDP and TCP, on the local address that routes to its proxy) and a
 * {@link Registration}. {@link #apply} brings them in line with the parameters: a line whose
 * settings changed is unregistered and registered again; the others are left alone.
 * Not thread-safe: one worker thread calls it.
 */
final class Lines {

    private static final Logger LOG = LoggerFactory.getLogger(Lines.class);
    /** How long an unregister waits for the registrar's answer. */
    static final Duration UNREGISTER_WAIT = Duration.ofSeconds(2);

    /** One extension that is set up. */
    record Line(LineConfig config, SipProvider provider, String localIp, Registration registration) {
    }

    private final Stack stack;
    private final SipListener listener;
    private final Clock clock;
    private final Consumer<LineRegistration> changed;
    private final Runnable retry;
    private final Map<Integer, Line> lines = new TreeMap<>();
    private final Map<Integer, LineRegistration> states = new TreeMap<>();
    private String userAgent;

    /** @param retry asks for {@link #apply} again (on the worker), after a port could not be had */
    Lines(Stack stack, SipListener listener, Clock clock, Consumer<LineRegistration> changed, Runnable retry) {
        this.retry = retry;
        this.stack = stack;
        this.listener = listener;
        this.clock = clock;
        this.changed = changed;
    }

    /** The line listening on {@code provider}, if any. */
    synchronized Line of(SipProvider provider) {
        for (Line l : lines.values()) {
            if (l.provider() == provider) {
                return l;
            }
        }
        return null;
    }

    /** The registrations, in extension order. */
    synchronized List<LineRegistration> registrations() {
        return List.copyOf(states.values());
    }

    /**
     * Makes the lines those of {@code configs} (one per extension the phone has).
     *
     * @param userAgent    the User-Agent of new registrations
     * @param retrySeconds {@code Reg_Retry_Intvl}
     */
    void apply(List<LineConfig> configs, String userAgent, int retrySeconds) {
        boolean newAgent = this.userAgent != null && !this.userAgent.equals(userAgent);
        this.userAgent = userAgent;
        for (LineConfig cfg : configs) {
            Line old;
            synchronized (this) {
                old = lines.get(cfg.ext());
            }
            if (old != null && old.config().equals(cfg) && !newAgent) {
                continue;
            }
            if (old != null) {
                LOG.info("ext {}: settings changed, registering again", cfg.ext());
                stop(old, true);
            }
            if (!cfg.enabled() || !cfg.register()) {
                record(new LineRegistration(cfg.ext(), Status.DISABLED, clock.now(),
                        cfg.enabled() ? "Register is No" : "no proxy or user, or line disabled"));
                continue;
            }
            start(cfg, userAgent, retrySeconds);
        }
    }

    /** Unregisters every line (waiting a little for each answer) and stops listening. */
    void stopAll() {
        List<Line> all;
        synchronized (this) {
            all = new ArrayList<>(lines.values());
        }
        all.forEach(l -> stop(l, true));
    }

    /**
     * Registers every line again at once, each from the address the system now routes to its
     * proxy from (the network came back or the address changed): the old binding is not
     * removed, since it may be unreachable; it expires at the registrar.
     */
    void restartAll(int retrySeconds) {
        List<Line> all;
        synchronized (this) {
            all = new ArrayList<>(lines.values());
        }
        for (Line l : all) {
            LOG.info("ext {}: the network changed, registering again", l.config().ext());
            stop(l, false);
            start(l.config(), userAgent, retrySeconds);
        }
    }

    private void start(LineConfig cfg, String userAgent, int retrySeconds) {
        if ("tls".equals(cfg.transport())) {
            record(new LineRegistration(cfg.ext(), Status.FAILED, clock.now(), "SIP over TLS is not supported"));
            return;
        }
        String ip;
        SipProvider provider;
        try {
            ip = localAddressTowards(LineConfig.host(cfg.nextHop()), LineConfig.port(cfg.nextHop()));
            provider = stack.provider(ip, cfg.port(), listener);
        } catch (Exception e) {
            record(new LineRegistration(cfg.ext(), Status.FAILED, clock.now(), "cannot listen on port " + cfg.port()
                    + ": " + e.getMessage()));
            LOG.warn("ext {}: cannot listen on port {}: {}; trying again in {} s", cfg.ext(), cfg.port(), e.toString(),
                    retrySeconds);
            clock.schedule(Duration.ofSeconds(retrySeconds), retry);
            return;
        }
        AccountManager accounts = (ct, realm) -> new UserCredentials() {
            @Override
            public String getUserName() {
                return cfg.authUser();
            }

            @Override
            public String getPassword() {
                return cfg.password();
            }

            @Override
            public String getSipDomain() {
                return cfg.proxyHost();
            }
        };
        Registration r = new Registration(cfg, new Registration.Context(stack, provider, ip, clock, userAgent,
                stack.authentication(accounts), retrySeconds, this::record));
        synchronized (this) {
            lines.put(cfg.ext(), new Line(cfg, provider, ip, r));
        }
        record(r.state());
        r.start();
    }

    private void stop(Line l, boolean unregister) {
        l.registration().stop(unregister, UNREGISTER_WAIT);
        stack.remove(l.provider(), listener);
        synchronized (this) {
            lines.remove(l.config().ext(), l);
        }
    }

    private void record(LineRegistration r) {
        synchronized (this) {
            states.put(r.extension(), r);
        }
        changed.accept(r);
    }

    /** The local address the system routes to {@code host} from (no packet is sent). */
    static String localAddressTowards(String host, int port) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(new InetSocketAddress(InetAddress.getByName(host), port));
            InetAddress local = s.getLocalAddress();
            if (local == null || local.isAnyLocalAddress()) {
                throw new IOException("no route to " + host);
            }
            return local.getHostAddress();
        }
    }
}
