package org.mppfw.sip.internal;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls of the phone's lines, from real INVITE, CANCEL and BYE: an incoming INVITE rings
 * (180), {@link #answer} connects it (200 with a real SDP answer), the caller's CANCEL or BYE or
 * {@link #hangup} ends it. One call per line: a second INVITE to a busy line gets 486. Every
 * change of the set of calls is told to {@code changed}.
 */
final class Calls {

    private static final Logger LOG = LoggerFactory.getLogger(Calls.class);

    /** Where a call stands. */
    enum State { RINGING, CONNECTED }

    /** The line a request came in on. */
    record Line(int ext, SipProvider provider, String localIp, ContactHeader contact, int rtpPort) {
    }

    private static final class Call {
        final Line line;
        final ServerTransaction invite;
        final String callId;
        final String caller;
        final String callerName;
        final String tag = Tags.random(6);
        volatile State state = State.RINGING;
        volatile Instant since;
        volatile Dialog dialog;
        volatile boolean acked;

        Call(Line line, ServerTransaction invite, String callId, String caller, String callerName, Instant since) {
            this.line = line;
            this.invite = invite;
            this.callId = callId;
            this.caller = caller;
            this.callerName = callerName;
            this.since = since;
        }
    }

    private final Stack stack;
    private final Runnable changed;
    private final Supplier<Instant> now;
    private final Map<Integer, Call> calls = new ConcurrentHashMap<>();
    /** Calls hung up between our 200 and the caller's ACK, by Call-ID: their BYE waits for the ACK. */
    private final Map<String, Call> byeOnAck = new ConcurrentHashMap<>();

    Calls(Stack stack, Runnable changed, Supplier<Instant> now) {
        this.stack = stack;
        this.changed = changed;
        this.now = now;
    }

    /** The calls as the line state publishes them, in extension order. */
    List<org.mppfw.api.line.Call> list() {
        return calls.values().stream().sorted((a, b) -> a.line.ext() - b.line.ext())
                .map(c -> new org.mppfw.api.line.Call(c.line.ext(), c.state == State.RINGING
                        ? org.mppfw.api.line.Call.State.RINGING : org.mppfw.api.line.Call.State.CONNECTED,
                        c.callerName, c.caller, c.since))
                .toList();
    }

    /** Whether no line has a call. */
    boolean idle() {
        return calls.isEmpty();
    }

    /** One line per call: {@code ext 1: ringing from sip:1002@host}. */
    List<String> describe() {
        List<String> out = new ArrayList<>();
        calls.values().stream().sorted((a, b) -> a.line.ext() - b.line.ext()).forEach(c -> out.add("ext " + c.line.ext()
                + ": " + c.state.name().toLowerCase(java.util.Locale.ROOT) + " with " + c.caller));
        return out;
    }

    /** An INVITE: a new call rings, a re-INVITE of a call is answered again, a busy line answers 486. */
    void invite(RequestEvent ev, Line line) throws ParseException, SipException, InvalidArgumentException {
        Request req = ev.getRequest();
        String callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        ServerTransaction st = ev.getServerTransaction() != null ? ev.getServerTransaction()
                : line.provider().getNewServerTransaction(req);
        Call existing = calls.get(line.ext());
        if (existing != null && existing.callId.equals(callId)) {
            st.sendResponse(ok(req, existing)); // a re-INVITE: the same answer
            return;
        }
        if (existing != null) {
            st.sendResponse(stack.messages.createResponse(Response.BUSY_HERE, req));
            return;
        }
        Address from = ((FromHeader) req.getHeader(FromHeader.NAME)).getAddress();
        String name = from.getDisplayName() == null ? "" : from.getDisplayName();
        Call call = new Call(line, st, callId, from.getURI().toString(), name, now.get());
        Response ringing = stack.messages.createResponse(Response.RINGING, req);
        ((ToHeader) ringing.getHeader(ToHeader.NAME)).setTag(call.tag);
        ringing.addHeader(line.contact());
        calls.put(line.ext(), call);
        st.sendResponse(ringing);
        call.dialog = st.getDialog();
        LOG.info("ext {}: incoming call from {}", line.ext(), call.caller);
        changed.run();
    }

    /** A CANCEL: 200 to it, 487 to the INVITE it cancels. */
    void cancel(RequestEvent ev, Line line) throws ParseException, SipException, InvalidArgumentException {
        Request req = ev.getRequest();
        ServerTransaction st = ev.getServerTransaction() != null ? ev.getServerTransaction()
                : line.provider().getNewServerTransaction(req);
        String callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        Call call = calls.get(line.ext());
        if (call == null || !call.callId.equals(callId) || call.state != State.RINGING) {
            st.sendResponse(stack.messages.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, req));
            return;
        }
        st.sendResponse(stack.messages.createResponse(Response.OK, req));
        Response terminated = stack.messages.createResponse(Response.REQUEST_TERMINATED, call.invite.getRequest());
        ((ToHeader) terminated.getHeader(ToHeader.NAME)).setTag(call.tag);
        call.invite.sendResponse(terminated);
        end(call, "cancelled by the caller");
    }

    /** A BYE: 200, and the call ends. */
    void bye(RequestEvent ev, Line line) throws ParseException, SipException, InvalidArgumentException {
        Request req = ev.getRequest();
        ServerTransaction st = ev.getServerTransaction() != null ? ev.getServerTransaction()
                : line.provider().getNewServerTransaction(req);
        String callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        Call call = calls.get(line.ext());
        if (call == null || !call.callId.equals(callId)) {
            st.sendResponse(stack.messages.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, req));
            return;
        }
        st.sendResponse(stack.messages.createResponse(Response.OK, req));
        end(call, "hung up by the caller");
    }

    /** An ACK: the answered call is confirmed; a BYE that waited for it goes now (RFC 3261 15). */
    void ack(RequestEvent ev, Line line) {
        String callId = ((CallIdHeader) ev.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        Call call = calls.get(line.ext());
        if (call != null && call.callId.equals(callId)) {
            call.acked = true;
        }
        Call waiting = byeOnAck.remove(callId);
        if (waiting != null) {
            waiting.acked = true;
            sendBye(waiting);
        }
    }

    /** A dialog the stack gave up (no ACK to our 200, say): its call ends. */
    void dialogTerminated(Dialog d) {
        byeOnAck.values().removeIf(c -> c.dialog == d); // no ACK came: no BYE to send
        for (Call c : calls.values()) {
            if (c.dialog == d || c.dialog != null && d != null && c.dialog.getDialogId() != null
                    && c.dialog.getDialogId().equals(d.getDialogId())) {
                end(c, "dialog ended");
            }
        }
    }

    /** Answers the ringing call of {@code ext} (0: of any line); the message says what happened. */
    String answer(int ext) {
        Call call = find(ext, State.RINGING);
        if (call == null) {
            return "no ringing call" + (ext > 0 ? " on ext " + ext : "");
        }
        try {
            call.invite.sendResponse(ok(call.invite.getRequest(), call));
            call.state = State.CONNECTED;
            call.since = now.get();
            call.dialog = call.invite.getDialog();
            LOG.info("ext {}: answered the call from {}", call.line.ext(), call.caller);
            changed.run();
            return "ext " + call.line.ext() + ": connected with " + call.caller;
        } catch (ParseException | SipException | InvalidArgumentException e) {
            return "cannot answer: " + e.getMessage();
        }
    }

    /** Ends the call of {@code ext} (0: of any line): a ringing one is declined (603), a connected one gets BYE. */
    String hangup(int ext) {
        Call call = find(ext, null);
        if (call == null) {
            return "no call" + (ext > 0 ? " on ext " + ext : "");
        }
        try {
            if (call.state == State.RINGING) {
                Response decline = stack.messages.createResponse(Response.DECLINE, call.invite.getRequest());
                ((ToHeader) decline.getHeader(ToHeader.NAME)).setTag(call.tag);
                call.invite.sendResponse(decline);
            } else {
                // the callee sends no BYE before the ACK of its 200 (RFC 3261 15): it waits for it
                byeOnAck.put(call.callId, call);
                if (call.acked && byeOnAck.remove(call.callId) != null) {
                    sendBye(call);
                }
            }
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.warn("ext {}: hanging up: {}", call.line.ext(), e.toString());
        }
        end(call, "hung up on the phone");
        return "ext " + call.line.ext() + ": call with " + call.caller + " ended";
    }

    private static void sendBye(Call call) {
        try {
            Dialog d = call.dialog;
            Request bye = d.createRequest(Request.BYE);
            ClientTransaction ct = call.line.provider().getNewClientTransaction(bye);
            d.sendRequest(ct);
        } catch (SipException | RuntimeException e) {
            LOG.warn("ext {}: sending BYE: {}", call.line.ext(), e.toString());
        }
    }

    /** Ends every call (the lines stop). */
    void hangupAll() {
        for (Call c : List.copyOf(calls.values())) {
            hangup(c.line.ext());
        }
    }

    private Call find(int ext, State state) {
        for (Call c : calls.values()) {
            if ((ext <= 0 || c.line.ext() == ext) && (state == null || c.state == state)) {
                return c;
            }
        }
        return null;
    }

    private void end(Call call, String why) {
        if (calls.remove(call.line.ext(), call)) {
            LOG.info("ext {}: call with {} {}", call.line.ext(), call.caller, why);
            changed.run();
        }
    }

    private Response ok(Request invite, Call call) throws ParseException {
        Response ok = stack.messages.createResponse(Response.OK, invite);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(call.tag);
        ok.addHeader(call.line.contact());
        String sdp = Sdp.answer(invite.getRawContent(), call.line.localIp(), call.line.rtpPort());
        if (sdp != null) {
            ok.setContent(sdp, stack.headers.createContentTypeHeader("application", "sdp"));
        }
        return ok;
    }
}
