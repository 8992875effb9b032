package org.mppfw.sip.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.line.LineRegistration;
import org.mppfw.api.power.BootReason;
import org.mppfw.api.power.Power;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.report.ProblemReport;
import org.mppfw.api.report.Reports;
import org.mppfw.api.transport.AccessDomains;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone's SIP side: the stack (started when the first line is enabled, stopped with the
 * last), the {@link Lines}, their {@link Calls} and the NOTIFY handling. {@link #apply} and
 * {@link #stop} run on the component's worker; the stack's events arrive on its threads.
 */
final class Phone implements SipListener {

    private static final Logger LOG = LoggerFactory.getLogger(Phone.class);
    /** Per-extension parameters a line is made of. */
    private static final Pattern LINE_PARAMETER = Pattern.compile("(Line_Enable|Proxy|Outbound_Proxy|User_ID|Password|"
            + "Auth_ID|Use_Auth_ID|Register|Register_Expires|SIP_Port|SIP_Transport|Display_Name|Auth_Resync-Reboot)_(\\d+)_");
    private static final Set<String> GLOBAL = Set.of(UserAgentName.PARAMETER, "Reg_Retry_Intvl");
    /** The first RTP port (RTP_Port_Min's default); each extension answers with its own even port. */
    static final int RTP_BASE = 16384;

    /** The services a NOTIFY acts through; each may be absent while its bundle is replaced. */
    interface Services {
        Optional<Provisioning> provisioning();

        Optional<Power> power();

        Optional<Reports> reports();
    }

    private final ParameterStore store;
    private final Clock clock;
    private final UserAgentName userAgent;
    private final Executor worker;
    private final Services services;
    private final Runnable callsChanged;
    private final Consumer<LineRegistration> registrationChanged;
    private volatile Stack stack;
    private volatile Lines lines;
    private volatile Calls calls;
    private volatile NotifyHandler notifies;

    Phone(ParameterStore store, Clock clock, UserAgentName userAgent, Executor worker, Services services,
            Runnable callsChanged, Consumer<LineRegistration> registrationChanged) {
        this.store = store;
        this.clock = clock;
        this.userAgent = userAgent;
        this.worker = worker;
        this.services = services;
        this.callsChanged = callsChanged;
        this.registrationChanged = registrationChanged;
    }

    /** Whether a change of parameter {@code name} may change the lines. */
    static boolean relevant(String name) {
        return GLOBAL.contains(name) || LINE_PARAMETER.matcher(name).matches();
    }

    /** Brings the lines in line with the parameters. */
    void apply() {
        Map<String, String> v = store.values();
        List<LineConfig> configs = new ArrayList<>();
        for (int n = 1; n <= extensions(); n++) {
            configs.add(LineConfig.of(n, v));
        }
        boolean any = configs.stream().anyMatch(c -> c.enabled() && c.register());
        if (any && stack == null) {
            try {
                Stack s = Stack.start(userAgent.expand(v.get(UserAgentName.PARAMETER)));
                calls = new Calls(s, callsChanged, clock::now);
                notifies = new NotifyHandler(s, actions(), worker, clock::now);
                lines = new Lines(s, this, clock, registrationChanged, () -> worker.execute(this::apply));
                stack = s;
            } catch (Exception e) {
                LOG.error("cannot start the SIP stack: {}", e.toString());
                return;
            }
        }
        if (lines != null) {
            lines.apply(configs, userAgent.expand(v.get(UserAgentName.PARAMETER)), integer(v.get("Reg_Retry_Intvl"), 30));
        }
    }

    /**
     * The phone's address changed, or its network came back: every enabled line registers again
     * at once rather than at its next retry, then lines still missing (a port that could not be
     * had) are started as {@link #apply} does.
     */
    void networkChanged() {
        Lines l = lines;
        if (l != null) {
            l.restartAll(integer(store.values().get("Reg_Retry_Intvl"), 30));
        }
        apply();
    }

    /** Ends the calls, unregisters every line and stops the stack. */
    void stop() {
        Stack s = stack;
        if (s == null) {
            return;
        }
        calls.hangupAll();
        lines.stopAll();
        s.close();
        SipFactory.getInstance().resetFactory();
        stack = null;
        LOG.info("SIP lines stopped");
    }

    boolean idle() {
        Calls c = calls;
        return c == null || c.idle();
    }

    List<LineRegistration> registrations() {
        Lines l = lines;
        return l == null ? List.of() : l.registrations();
    }

    /** The calls as the line state publishes them. */
    List<org.mppfw.api.line.Call> callList() {
        Calls c = calls;
        return c == null ? List.of() : c.list();
    }

    /** The calls, one line each. */
    List<String> calls() {
        Calls c = calls;
        return c == null ? List.of() : c.describe();
    }

    String answer(int ext) {
        Calls c = calls;
        return c == null ? "no SIP line is enabled" : c.answer(ext);
    }

    String hangup(int ext) {
        Calls c = calls;
        return c == null ? "no SIP line is enabled" : c.hangup(ext);
    }

    /** How many extensions the model has: its {@code SIP_Port_n_} parameters. */
    int extensions() {
        int n = 0;
        while (n < 16 && store.definition("SIP_Port_" + (n + 1) + "_").isPresent()) {
            n++;
        }
        return n;
    }

    @Override
    public void processRequest(RequestEvent ev) {
        Lines.Line line = lines == null ? null : lines.of((SipProvider) ev.getSource());
        Request req = ev.getRequest();
        if (line == null) {
            return;
        }
        try {
            Calls.Line cl = new Calls.Line(line.config().ext(), line.provider(), line.localIp(),
                    line.registration().contact(), RTP_BASE + 2 * (line.config().ext() - 1));
            switch (req.getMethod()) {
                case Request.NOTIFY -> notifies.handle(ev, line.provider(), line.config(),
                        yes(store.values().get("Resync_From_SIP")), AccessDomains.parse(store.values().get(AccessDomains.PARAMETER)));
                case Request.INVITE -> calls.invite(ev, cl);
                case Request.CANCEL -> calls.cancel(ev, cl);
                case Request.BYE -> calls.bye(ev, cl);
                case Request.ACK -> calls.ack(ev, cl);
                case Request.OPTIONS -> answer(ev, line, Response.OK);
                default -> answer(ev, line, Response.METHOD_NOT_ALLOWED);
            }
        } catch (Exception e) {
            LOG.warn("ext {}: {} not handled: {}", line.config().ext(), req.getMethod(), e.toString());
        }
    }

    private void answer(RequestEvent ev, Lines.Line line, int code) throws Exception {
        ServerTransaction st = ev.getServerTransaction() != null ? ev.getServerTransaction()
                : line.provider().getNewServerTransaction(ev.getRequest());
        st.sendResponse(stack.messages.createResponse(code, ev.getRequest()));
    }

    @Override
    public void processResponse(ResponseEvent ev) {
        ClientTransaction ct = ev.getClientTransaction();
        if (ct != null && ct.getApplicationData() instanceof Registration r) {
            r.response(ev);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent ev) {
        if (!ev.isServerTransaction() && ev.getClientTransaction().getApplicationData() instanceof Registration r) {
            r.timeout();
        }
    }

    @Override
    public void processIOException(IOExceptionEvent ev) {
        LOG.warn("SIP transport error with {}:{} over {}", ev.getHost(), ev.getPort(), ev.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent ev) {
        // nothing kept per transaction
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent ev) {
        Calls c = calls;
        if (c != null) {
            c.dialogTerminated(ev.getDialog());
        }
    }

    private NotifyHandler.Actions actions() {
        return new NotifyHandler.Actions() {
            @Override
            public boolean resync(String profile) {
                return services.provisioning().map(p -> profile.isEmpty() ? p.resync() : p.resync(profile)).orElse(false);
            }

            @Override
            public boolean reboot(String detail) {
                return services.power().map(p -> p.reboot(BootReason.REMOTE_REQUEST, detail)).orElse(false);
            }

            @Override
            public String report() {
                return services.reports().map(r -> r.report(null).toString()).orElse("no report service");
            }

            @Override
            public String problemReport() {
                try {
                    Optional<Reports> r = services.reports();
                    if (r.isEmpty()) {
                        return "no report service";
                    }
                    ProblemReport p = r.get().problemReport("SIP NOTIFY prt-gen");
                    return "problem report " + p.archive().getFileName() + p.uploaded().map(o -> ", " + o).orElse("");
                } catch (java.io.IOException e) {
                    return "problem report failed: " + e.getMessage();
                }
            }
        };
    }

    private static boolean yes(String s) {
        return s != null && (s.equalsIgnoreCase("yes") || s.equalsIgnoreCase("true") || s.equals("1"));
    }

    private static int integer(String s, int dflt) {
        try {
            return s == null ? dflt : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
