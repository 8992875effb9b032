package org.mppfw.sip.internal;

import java.text.ParseException;
import java.time.Duration;
import java.util.ListIterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.Header;
import javax.sip.header.MinExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.line.LineRegistration;
import org.mppfw.api.line.LineRegistration.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;

/**
 * The registration of one extension with its registrar: REGISTER with the line's contact, digest
 * answers to 401/407 (the stack's helper, the line's credentials), a refresh when 7/8 of the
 * granted time has passed, a retry {@code Reg_Retry_Intvl} after a failure, and an unregister
 * ({@code Expires: 0}) at the end. Responses and timeouts arrive on the stack's threads; every
 * state change is told to the listener.
 */
final class Registration {

    private static final Logger LOG = LoggerFactory.getLogger(Registration.class);
    /** Challenges answered in a row before the registrar's refusal counts as final (one more for a stale nonce). */
    private static final int MAX_CHALLENGES = 2;

    /** What a registration needs from the line. */
    record Context(Stack stack, SipProvider provider, String localIp, Clock clock, String userAgent,
            AuthenticationHelper auth, int retrySeconds, Consumer<LineRegistration> changed) {
    }

    private final LineConfig cfg;
    private final Context cx;
    private final CallIdHeader callId;
    private final CountDownLatch gone = new CountDownLatch(1);
    private long cseq;
    private int challenges;
    private boolean stopping;
    private Clock.Timer timer;
    private volatile LineRegistration state;

    Registration(LineConfig cfg, Context cx) {
        this.cfg = cfg;
        this.cx = cx;
        this.callId = cx.provider().getNewCallId();
        this.state = new LineRegistration(cfg.ext(), Status.REGISTERING, cx.clock().now(), "to " + cfg.proxy());
    }

    LineConfig config() {
        return cfg;
    }

    LineRegistration state() {
        return state;
    }

    /** Sends the first REGISTER. */
    synchronized void start() {
        send(cfg.expires());
    }

    /** A response to one of this registration's requests. */
    synchronized void response(ResponseEvent ev) {
        Response r = ev.getResponse();
        int code = r.getStatusCode();
        if (code < 200) {
            return;
        }
        if ((code == 401 || code == 407) && challenges < MAX_CHALLENGES) {
            challenges++;
            try {
                ClientTransaction next = cx.auth().handleChallenge(r, ev.getClientTransaction(), cx.provider(), 5, true);
                next.setApplicationData(this);
                cseq = ((CSeqHeader) next.getRequest().getHeader(CSeqHeader.NAME)).getSeqNumber();
                next.sendRequest();
            } catch (SipException | RuntimeException e) {
                failed(code + " and no answer to the challenge: " + e.getMessage());
            }
            return;
        }
        challenges = 0;
        if (stopping) {
            set(Status.DISABLED, "unregistered from " + cfg.proxy() + " (" + code + ")");
            gone.countDown();
            return;
        }
        if (code == 423 && r.getHeader(MinExpiresHeader.NAME) instanceof MinExpiresHeader min) {
            send(min.getExpires());
            return;
        }
        if (code >= 300) {
            failed(code + " " + r.getReasonPhrase());
            return;
        }
        int granted = granted(r);
        set(Status.REGISTERED, "with " + cfg.proxy() + " for " + granted + " s");
        LOG.info("ext {}: registered {}@{} for {} s", cfg.ext(), cfg.user(), cfg.proxy(), granted);
        schedule(Duration.ofSeconds(Math.max(1, granted * 7L / 8)), () -> send(cfg.expires()));
    }

    /** The registrar did not answer. */
    synchronized void timeout() {
        if (stopping) {
            set(Status.DISABLED, "unregister to " + cfg.proxy() + " not answered");
            gone.countDown();
            return;
        }
        failed("no answer from " + cfg.nextHop());
    }

    /**
     * Stops refreshing; with {@code unregister}, sends {@code Expires: 0} when the line was
     * registered and waits up to {@code wait} for the answer.
     */
    void stop(boolean unregister, Duration wait) {
        boolean sent;
        synchronized (this) {
            stopping = true;
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
            sent = unregister && state.status() == Status.REGISTERED && send(0);
        }
        if (sent) {
            try {
                gone.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        set(Status.DISABLED, state.status() == Status.DISABLED ? state.detail() : "stopped");
    }

    private void failed(String why) {
        set(Status.FAILED, why);
        LOG.warn("ext {}: registration with {} failed: {}; retry in {} s", cfg.ext(), cfg.proxy(), why, cx.retrySeconds());
        schedule(Duration.ofSeconds(cx.retrySeconds()), () -> send(cfg.expires()));
    }

    private void schedule(Duration delay, Runnable task) {
        if (timer != null) {
            timer.cancel();
        }
        timer = cx.clock().schedule(delay, () -> {
            synchronized (this) {
                if (!stopping) {
                    task.run();
                }
            }
        });
    }

    private boolean send(int expires) {
        try {
            Request req = request(expires);
            ClientTransaction ct = cx.provider().getNewClientTransaction(req);
            ct.setApplicationData(this);
            if (expires > 0 && state.status() != Status.REGISTERED) {
                set(Status.REGISTERING, "to " + cfg.proxy());
            }
            ct.sendRequest();
            return true;
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            if (!stopping) {
                failed("cannot send REGISTER: " + e.getMessage());
            }
            return false;
        }
    }

    private Request request(int expires) throws ParseException, InvalidArgumentException {
        Stack s = cx.stack();
        SipURI registrar = s.addresses.createSipURI(null, LineConfig.host(cfg.proxy()));
        registrar.setPort(cfg.proxyPort());
        if (!"udp".equals(cfg.transport())) {
            registrar.setTransportParam(cfg.transport());
        }
        SipURI aor = s.addresses.createSipURI(cfg.user(), cfg.proxyHost());
        Address to = s.addresses.createAddress(aor);
        Address from = s.addresses.createAddress(aor);
        if (!cfg.displayName().isEmpty()) {
            from.setDisplayName(cfg.displayName());
        }
        var via = s.headers.createViaHeader(cx.localIp(), cfg.port(), transport(), null);
        cseq = cseq + 1;
        Request req = s.messages.createRequest(registrar, Request.REGISTER, callId,
                s.headers.createCSeqHeader(cseq, Request.REGISTER), s.headers.createFromHeader(from, Tags.random(6)),
                s.headers.createToHeader(to, null), java.util.List.of(via), s.headers.createMaxForwardsHeader(70));
        req.addHeader(contact());
        req.addHeader(s.headers.createExpiresHeader(expires));
        req.addHeader(s.headers.createHeader("User-Agent", cx.userAgent()));
        req.addHeader(s.headers.createAllowHeader("INVITE, ACK, CANCEL, BYE, NOTIFY, OPTIONS"));
        if (!cfg.outbound().isEmpty()) {
            SipURI ob = s.addresses.createSipURI(null, LineConfig.host(cfg.outbound()));
            ob.setPort(LineConfig.port(cfg.outbound()));
            ob.setLrParam();
            if (!"udp".equals(cfg.transport())) {
                ob.setTransportParam(cfg.transport());
            }
            req.addHeader(s.headers.createRouteHeader(s.addresses.createAddress(ob)));
        }
        cx.auth().setAuthenticationHeaders(req);
        return req;
    }

    /** The line's contact, {@code <sip:USER@IP:PORT>} ({@code ;transport=tcp} over TCP). */
    ContactHeader contact() throws ParseException {
        Stack s = cx.stack();
        SipURI uri = s.addresses.createSipURI(cfg.user(), cx.localIp());
        uri.setPort(cfg.port());
        if (!"udp".equals(cfg.transport())) {
            uri.setTransportParam(cfg.transport());
        }
        return s.headers.createContactHeader(s.addresses.createAddress(uri));
    }

    private String transport() {
        return "tcp".equals(cfg.transport()) ? ListeningPoint.TCP : ListeningPoint.UDP;
    }

    /** The time the registrar granted: our contact's expires, else the Expires header, else what was asked. */
    private int granted(Response r) {
        ListIterator<Header> contacts = r.getHeaders(ContactHeader.NAME);
        while (contacts.hasNext()) {
            ContactHeader c = (ContactHeader) contacts.next();
            if (c.getAddress().getURI() instanceof SipURI u && cfg.user().equals(u.getUser())
                    && cx.localIp().equals(u.getHost()) && u.getPort() == cfg.port() && c.getExpires() >= 0) {
                return c.getExpires();
            }
        }
        if (r.getHeader(ExpiresHeader.NAME) instanceof ExpiresHeader e) {
            return e.getExpires();
        }
        return cfg.expires();
    }

    private void set(Status status, String detail) {
        LineRegistration now = new LineRegistration(cfg.ext(), status, state.status() == status ? state.since()
                : cx.clock().now(), detail);
        state = now;
        cx.changed().accept(now);
    }
}
