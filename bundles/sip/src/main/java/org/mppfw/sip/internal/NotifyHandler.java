package org.mppfw.sip.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.mppfw.api.transport.AccessDomains;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;

/**
 * Answers a NOTIFY sent to a line and does what its event asks (see {@link NotifyEvent}):
 * <ol>
 * <li>an event the phone does not know: 489 Bad Event;</li>
 * <li>a resync while {@code Resync_From_SIP} is No, or a {@code profile=} URL outside
 * {@code Restricted_Access_Domains}: 403;</li>
 * <li>with {@code Auth_Resync-Reboot_n_} Yes, a request without valid digest credentials of the
 * line ({@code Auth_ID} or {@code User_ID}, {@code Password}; realm: the line's proxy host): 401
 * with a fresh nonce, and nothing done; with it No, only a NOTIFY from the line's proxy or outbound
 * proxy address is taken (403 for others);</li>
 * <li>otherwise 200, and the action runs on the worker.</li>
 * </ol>
 * Every NOTIFY is logged with its event, its source and what was done.
 */
final class NotifyHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyHandler.class);

    /** What a NOTIFY can make the phone do. */
    interface Actions {
        /** A resync of the configured rules (empty) or of a URL; false when provisioning is off or absent. */
        boolean resync(String profile);

        /** A reboot through the power service; false when it cannot happen now. */
        boolean reboot(String detail);

        /** The {@code Report_Rule} upload; one line saying how it went. */
        String report();

        /** A problem report; one line saying how it went. */
        String problemReport();
    }

    private final Stack stack;
    private final Actions actions;
    private final Executor worker;
    private final Supplier<Instant> now;
    private final DigestCheck digest = new DigestCheck();

    NotifyHandler(Stack stack, Actions actions, Executor worker, Supplier<Instant> now) {
        this.stack = stack;
        this.actions = actions;
        this.worker = worker;
        this.now = now;
    }

    /**
     * Answers the NOTIFY of {@code ev} for line {@code cfg}.
     *
     * @param resyncFromSip the value of {@code Resync_From_SIP}
     * @param domains       {@code Restricted_Access_Domains}
     * @return what was done, as logged
     */
    String handle(RequestEvent ev, SipProvider provider, LineConfig cfg, boolean resyncFromSip, AccessDomains domains)
            throws ParseException, SipException, InvalidArgumentException {
        Request req = ev.getRequest();
        ServerTransaction st = ev.getServerTransaction() != null ? ev.getServerTransaction()
                : provider.getNewServerTransaction(req);
        EventHeader eh = (EventHeader) req.getHeader(EventHeader.NAME);
        String raw = eh instanceof SIPHeader h ? h.getHeaderValue() : null;
        NotifyEvent event = NotifyEvent.parse(raw);
        String named = raw == null ? "without Event" : "'" + raw.replaceAll("\\p{Cntrl}", "?") + "'";
        String source = source(req);
        String outcome;
        int code;
        if (!event.action().acts()) {
            code = Response.BAD_EVENT;
            outcome = "event not supported";
        } else if (event.action() == NotifyEvent.Action.RESYNC && !resyncFromSip) {
            code = Response.FORBIDDEN;
            outcome = "refused: Resync_From_SIP is No";
        } else if (refusal(event, domains).isPresent()) {
            code = Response.FORBIDDEN;
            outcome = "refused: " + refusal(event, domains).get();
        } else if (cfg.authNotify() && !authenticated(req, cfg)) {
            Response challenge = stack.messages.createResponse(Response.UNAUTHORIZED, req);
            challenge.addHeader(stack.headers.createHeader(WWWAuthenticateHeader.NAME,
                    digest.challenge(cfg.proxyHost(), now.get())));
            st.sendResponse(challenge);
            String what = req.getHeader(AuthorizationHeader.NAME) == null ? "challenged" : "wrong credentials, challenged again";
            LOG.info("ext {}: NOTIFY {} from {}: 401 ({}), nothing done", cfg.ext(), named, source, what);
            return "401 " + what;
        } else if (!cfg.authNotify() && !fromProxy(req, cfg)) {
            code = Response.FORBIDDEN;
            outcome = "refused: not from the line's proxy";
        } else {
            code = Response.OK;
            outcome = "accepted";
        }
        st.sendResponse(stack.messages.createResponse(code, req));
        LOG.info("ext {}: NOTIFY {} from {}: {} {}", cfg.ext(), named, source, code, outcome);
        if (code == Response.OK) {
            worker.execute(() -> LOG.info("ext {}: NOTIFY {}: {}", cfg.ext(), named, act(event, source)));
        }
        return code + " " + outcome;
    }

    private String act(NotifyEvent event, String source) {
        return switch (event.action()) {
            case RESYNC -> actions.resync(event.profile()) ? "resync started" : "no resync: provisioning is disabled";
            case REBOOT, RESTART -> actions.reboot("SIP NOTIFY " + event + " from " + source) ? "rebooting"
                    : "no reboot now (command run)";
            case REPORT -> actions.report();
            case PROBLEM_REPORT -> actions.problemReport();
            case UNKNOWN -> "nothing";
        };
    }

    private static Optional<String> refusal(NotifyEvent event, AccessDomains domains) {
        if (event.profile().isEmpty()) {
            return Optional.empty();
        }
        try {
            return domains.refusal(URI.create(event.profile().trim())).map(Throwable::getMessage);
        } catch (IllegalArgumentException e) {
            return Optional.of("the profile URL does not parse");
        }
    }

    private boolean authenticated(Request req, LineConfig cfg) {
        return req.getHeader(AuthorizationHeader.NAME) instanceof AuthorizationHeader a
                && digest.valid(a, req.getMethod(), cfg.proxyHost(), cfg.authUser(), cfg.password(), now.get());
    }

    private static boolean fromProxy(Request req, LineConfig cfg) {
        InetAddress from = req instanceof SIPMessage m ? m.getRemoteAddress() : null;
        if (from == null) {
            return false;
        }
        for (String hop : new String[] {cfg.proxy(), cfg.outbound()}) {
            if (hop.isEmpty()) {
                continue;
            }
            try {
                for (InetAddress a : InetAddress.getAllByName(LineConfig.host(hop))) {
                    if (a.equals(from)) {
                        return true;
                    }
                }
            } catch (UnknownHostException e) {
                // not this one
            }
        }
        return false;
    }

    private static String source(Request req) {
        InetAddress from = req instanceof SIPMessage m ? m.getRemoteAddress() : null;
        int port = req instanceof SIPMessage m ? m.getRemotePort() : 0;
        return from == null ? "?" : from.getHostAddress() + ":" + port;
    }
}
