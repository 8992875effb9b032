package org.mppfw.provisioning.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceProperties;
import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.line.LineState;
import org.mppfw.api.profile.ProfileCodec;
import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningListener;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ProvisioningUrl;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.provisioning.RuleDecision;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleSyntaxException;
import org.mppfw.api.transport.Credentials;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.Transport;
import org.mppfw.provisioning.internal.fetch.Attempt;
import org.mppfw.provisioning.internal.fetch.FetchPlan;
import org.mppfw.provisioning.internal.fetch.ProfileFetcher;
import org.mppfw.provisioning.internal.schedule.ResyncPolicy;
import org.mppfw.provisioning.internal.schedule.ResyncPolicy.Due;
import org.mppfw.provisioning.internal.schedule.ResyncPolicy.Reason;
import org.mppfw.provisioning.internal.schedule.ScheduleSettings;
import org.mppfw.provisioning.internal.syslog.SyslogSender;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resync engine: runs {@code Profile_Rule}, {@code _B}, {@code _C}, {@code _D} in sequence on
 * the schedule of {@link ResyncPolicy}, each rule evaluated when its turn comes (so a file can
 * change the rules after it), its assignments applied before its download, its profile fetched,
 * decoded and applied by {@link ProfileFetcher}. The first failure ends the sequence; the result
 * of the whole attempt decides the next one.
 *
 * <p>Gates, in this order, when a scheduled resync is due: {@code Provision_Enable};
 * {@code Resync_Trigger_1/2} (when either is set, at least one must hold, else it is checked
 * again every {@link #TRIGGER_RECHECK}); idle lines (a due resync waits while a line is busy,
 * checked every {@link #IDLE_RECHECK}, at most {@code Forced_Resync_Delay} after it became due,
 * then it runs anyway). Explicit resyncs skip the triggers and the idle gate, as the reference
 * says of SIP and web requests.
 *
 * <p>All work runs on one engine thread; timers only hand work to it.
 */
@Component(service = {Provisioning.class, ParameterListener.class}, immediate = true,
        property = ParameterListener.NAMES + "=Provision_Enable")
public final class ResyncEngine implements Provisioning, ParameterListener {

    /** The profile rules, in the order they run. */
    static final List<String> RULES = List.of("Profile_Rule", "Profile_Rule_B", "Profile_Rule_C", "Profile_Rule_D");
    /** How often false triggers are evaluated again (a choice: the reference gives no period). */
    static final Duration TRIGGER_RECHECK = Duration.ofSeconds(60);
    /** How often a due resync looks again whether the lines are idle. */
    static final Duration IDLE_RECHECK = Duration.ofSeconds(10);
    /** Attempts kept for {@code prov:history}. */
    static final int HISTORY = 32;
    /** How long a resync waits for a profile decoder that is being replaced. */
    static final Duration CODEC_WAIT = Duration.ofSeconds(10);
    /** The phone's macros that an attempt keeps as they were at its start. */
    static final List<String> TIMERS = List.of("PRVTMR", "UPGTMR", "UPGST", "UPGERR");

    private static final Logger LOG = LoggerFactory.getLogger(ResyncEngine.class);

    private final ParameterStore store;
    private final Clock clock;
    private final PhoneMacros phoneMacros;
    private final ProvisioningRules rules;
    private final ProfileFetcher fetcher;
    private final ResyncPolicy policy;
    private final Consumer<Runnable> engineThread;
    private final ExecutorService executor;
    private final LogLines logLines;

    private final Map<String, Transport> transports = new HashMap<>();
    private final List<ProvisioningListener> listeners = new CopyOnWriteArrayList<>();
    private volatile LineState lineState;
    private volatile Discovery discovery;
    private final Object codecLock = new Object();
    private volatile ProfileCodec codec;
    /** The profile account entered on the phone, or null. */
    private volatile Credentials profileAccount;

    // engine-thread state
    private final Deque<ResyncRecord> history = new ArrayDeque<>();
    private Clock.Timer timer;
    private Due planned;
    private Instant dueSince;
    private volatile ProvisioningStatus status;
    private boolean stopped;
    private boolean firstApplied;

    @Activate
    public ResyncEngine(@Reference ParameterStore store, @Reference Clock clock, @Reference PhoneMacros macros,
            @Reference LogLines logLines, @Reference ProvisioningRules rules, BundleContext context) throws IOException {
        this(store, clock, macros, logLines, rules, null, null, new java.security.SecureRandom(),
                !DeviceProperties.commandRun(context.getProperty(DeviceProperties.BOOT_MODE)));
    }

    /**
     * The profile decoder is a dynamic reference: a firmware upgrade that replaces the crypto
     * bundle swaps it under a running engine, which keeps its schedule and history. A resync in
     * the moment between the two waits for the new decoder ({@link #CODEC_WAIT}).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCodec(ProfileCodec c) {
        synchronized (codecLock) {
            codec = c;
            codecLock.notifyAll();
        }
    }

    void unsetCodec(ProfileCodec c) {
        synchronized (codecLock) {
            if (codec == c) {
                codec = null;
            }
        }
    }

    private java.io.InputStream decode(java.io.InputStream raw, org.mppfw.api.profile.DecodeOptions options)
            throws org.mppfw.api.profile.DecodeException {
        ProfileCodec c;
        synchronized (codecLock) {
            long end = System.nanoTime() + CODEC_WAIT.toNanos();
            while ((c = codec) == null && System.nanoTime() - end < 0) {
                try {
                    codecLock.wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (c == null) {
            throw new org.mppfw.api.profile.DecodeException("no profile decoder is running");
        }
        return c.decode(raw, options);
    }

    /**
     * @param engineThread runs engine work; null for the engine's own thread (tests pass a direct
     *                     executor so that a virtual clock drives everything)
     */
    ResyncEngine(ParameterStore store, Clock clock, PhoneMacros macros, LogLines logLines, ProvisioningRules rules,
            ProfileCodec codec, Consumer<Runnable> engineThread, RandomGenerator random) throws IOException {
        this(store, clock, macros, logLines, rules, codec, engineThread, random, true);
    }

    /**
     * @param powerOn false in a command run ({@code mppfw -c}), which is not a power-on: no power-up
     *                resync is planned; a resync a command asks for runs as always
     */
    ResyncEngine(ParameterStore store, Clock clock, PhoneMacros macros, LogLines logLines, ProvisioningRules rules,
            ProfileCodec codec, Consumer<Runnable> engineThread, RandomGenerator random, boolean powerOn) throws IOException {
        this.store = store;
        this.clock = clock;
        this.phoneMacros = macros;
        this.rules = rules;
        this.policy = new ResyncPolicy(random);
        this.codec = codec;
        this.fetcher = new ProfileFetcher(this::transport, this::decode, store, this::ikm);
        this.logLines = logLines;
        if (engineThread == null) {
            this.executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "mppfw-resync");
                t.setDaemon(true);
                return t;
            });
            this.engineThread = executor::execute;
        } else {
            this.executor = null;
            this.engineThread = engineThread;
        }
        this.status = new ProvisioningStatus(enabled() ? ProvisioningStatus.State.IDLE : ProvisioningStatus.State.DISABLED,
                null, null, null, 0);
        if (powerOn) {
            this.engineThread.accept(this::powerUp);
        } else {
            LOG.info("command run: no power-up resync");
        }
    }

    @Deactivate
    void deactivate() {
        engineThread.accept(() -> {
            stopped = true;
            cancelTimer();
        });
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- references -------------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTransport(Transport t, Map<String, Object> props) {
        synchronized (transports) {
            for (String scheme : schemes(props.get(Transport.SCHEMES))) {
                transports.put(scheme, t);
            }
        }
    }

    void removeTransport(Transport t, Map<String, Object> props) {
        synchronized (transports) {
            transports.values().removeIf(x -> x == t);
        }
    }

    /** Where a rule without a server, or with {@code --srv}, finds one (DHCP options, DNS SRV). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setDiscovery(Discovery d) {
        discovery = d;
    }

    void unsetDiscovery(Discovery d) {
        if (discovery == d) {
            discovery = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setLineState(LineState l) {
        lineState = l;
    }

    void unsetLineState(LineState l) {
        if (lineState == l) {
            lineState = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ProvisioningListener l) {
        listeners.add(l);
    }

    void removeListener(ProvisioningListener l) {
        listeners.remove(l);
    }

    static List<String> schemes(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof String s) {
            out.add(s.toLowerCase(Locale.ROOT));
        } else if (v instanceof String[] a) {
            for (String s : a) {
                out.add(s.toLowerCase(Locale.ROOT));
            }
        } else if (v instanceof Iterable<?> i) {
            i.forEach(x -> out.add(String.valueOf(x).toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    private Optional<Transport> transport(String scheme) {
        synchronized (transports) {
            return Optional.ofNullable(transports.get(scheme));
        }
    }

    // ---- the Provisioning service ------------------------------------------------------------

    @Override
    public ProvisioningStatus status() {
        return status;
    }

    @Override
    public List<ResyncRecord> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    @Override
    public boolean resync() {
        return explicit(null);
    }

    @Override
    public boolean resync(String rule) {
        return explicit(rule == null ? "" : rule);
    }

    @Override
    public void profileAccount(String user, char[] password) {
        Credentials old = profileAccount;
        profileAccount = user == null || user.isEmpty() ? null
                : new Credentials(user, password == null ? new char[0] : password);
        if (old != null) {
            old.wipe();
        }
        LOG.info(profileAccount == null ? "profile account cleared" : "profile account set for user {}", user);
    }

    private boolean explicit(String rule) {
        if (!enabled()) {
            LOG.info("resync refused: Provision_Enable is No");
            return false;
        }
        engineThread.accept(() -> {
            if (!stopped) {
                cancelTimer();
                run(Reason.EXPLICIT, rule);
            }
        });
        return true;
    }

    /**
     * {@code Provision_Enable} changed: No stops the schedule at once; Yes starts it again as at
     * power-up (a resync within {@code Resync_Random_Delay}).
     */
    @Override
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        engineThread.accept(() -> {
            if (stopped) {
                return;
            }
            if (!enabled()) {
                cancelTimer();
                planned = null;
                LOG.info("provisioning disabled (Provision_Enable No)");
                publish(ProvisioningStatus.State.DISABLED);
            } else if (planned == null && timer == null) {
                LOG.info("provisioning enabled (Provision_Enable Yes)");
                plan(policy.afterPowerUp(clock.now(), settings()));
            }
        });
    }

    // ---- scheduling ---------------------------------------------------------------------------

    private ScheduleSettings settings() {
        return ScheduleSettings.from(this::param);
    }

    private String param(String name) {
        return store.definition(name).isPresent() ? store.get(name) : null;
    }

    private boolean enabled() {
        return ScheduleSettings.yes(param("Provision_Enable"), true);
    }

    private void powerUp() {
        if (!enabled()) {
            publish(ProvisioningStatus.State.DISABLED);
            return;
        }
        plan(policy.afterPowerUp(clock.now(), settings()));
    }

    private void plan(Optional<Due> due) {
        cancelTimer();
        planned = due.orElse(null);
        dueSince = null;
        if (planned != null) {
            Duration delay = Duration.between(clock.now(), planned.at());
            timer = clock.schedule(delay.isNegative() ? Duration.ZERO : delay, () -> engineThread.accept(this::due));
            LOG.info("next resync ({}) at {}", reasonName(planned.reason()), planned.at());
        } else {
            LOG.info("no resync planned");
        }
        publish(enabled() ? ProvisioningStatus.State.IDLE : ProvisioningStatus.State.DISABLED);
    }

    private void recheck(Duration after) {
        cancelTimer();
        timer = clock.schedule(after, () -> engineThread.accept(this::due));
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** A planned resync fell due (or is being looked at again). */
    private void due() {
        if (stopped || planned == null) {
            return;
        }
        if (!enabled()) {
            LOG.info("resync skipped: Provision_Enable is No");
            planned = null;
            publish(ProvisioningStatus.State.DISABLED);
            return;
        }
        Instant now = clock.now();
        if (dueSince == null) {
            dueSince = now;
        }
        String t1 = param("Resync_Trigger_1");
        String t2 = param("Resync_Trigger_2");
        boolean anyTrigger = !blank(t1) || !blank(t2);
        if (anyTrigger && !(trigger(t1) || trigger(t2))) {
            LOG.debug("resync due but no trigger holds; checking again in {}", TRIGGER_RECHECK);
            recheck(TRIGGER_RECHECK);
            return;
        }
        LineState lines = lineState;
        if (lines != null && !lines.allIdle()) {
            Duration waited = Duration.between(dueSince, now);
            Duration forced = settings().forcedResyncDelay();
            if (waited.compareTo(forced) < 0) {
                publish(ProvisioningStatus.State.WAITING_FOR_IDLE);
                Duration left = forced.minus(waited);
                recheck(left.compareTo(IDLE_RECHECK) < 0 ? left : IDLE_RECHECK);
                return;
            }
            LOG.info("resync forced after waiting {} s for idle lines (Forced_Resync_Delay)", waited.toSeconds());
        }
        Reason reason = planned.reason();
        planned = null;
        run(reason, null);
    }

    private boolean trigger(String condition) {
        if (blank(condition)) {
            return false;
        }
        try {
            return rules.test(condition, phoneMacros.now());
        } catch (RuleSyntaxException | RuleEvaluationException e) {
            LOG.warn("Resync_Trigger '{}' cannot be evaluated: {}", condition, e.getMessage());
            return false;
        }
    }

    // ---- one attempt --------------------------------------------------------------------------

    /**
     * Runs one resync: the configured rules in sequence, or one explicit rule text.
     *
     * @param rule null for the configured rules, else the rule text to run once
     */
    private void run(Reason reason, String rule) {
        Instant started = clock.now();
        Map<String, String> state = timersAtStart();
        state.put("PRVST", Integer.toString(reason.prvst()));
        publish(ProvisioningStatus.State.RESYNCING, reason); // from now on $PRVTMR counts from this attempt
        List<String> changed = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        String lastRule = "";
        String lastUrl = "";
        String decoding = "";
        ResultClass result = ResultClass.A;
        int status = 0;
        String message = "nothing to do";
        Duration retryAfter = null;
        List<String> ruleNames = rule == null ? RULES : List.of("request");
        for (String name : ruleNames) {
            String text = rule == null ? param(name) : rule;
            if (blank(text)) {
                continue;
            }
            Step step = runRule(name, text, state, changed, rejected);
            if (step == null) {
                continue; // nothing to do for this rule
            }
            lastRule = name;
            lastUrl = step.url;
            steps.add(step.describe(name));
            decoding = step.attempt == null ? "" : step.attempt.decoding();
            if (!step.passed) {
                result = step.resultClass;
                message = step.message;
                retryAfter = step.attempt == null ? null : step.attempt.retryAfter();
                status = step.attempt == null ? 0 : step.attempt.status();
                break;
            }
            message = step.message;
        }
        Instant ended = clock.now();
        ResyncRecord record = new ResyncRecord(started, ended, reasonName(reason), lastRule, lastUrl, result, message,
                decoding, changed, rejected, steps, status);
        synchronized (history) {
            history.addFirst(record);
            while (history.size() > HISTORY) {
                history.removeLast();
            }
        }
        LOG.info("resync ({}) {}: {}", reasonName(reason), result == ResultClass.A ? "succeeded" : "failed (class " + result + ")",
                message);
        if (result == ResultClass.A && !steps.isEmpty() && !firstApplied) {
            firstApplied = true;
            reportFirstProfile();
        }
        Optional<Due> next = policy.afterAttempt(ended, clock.zone(), result == ResultClass.A, settings());
        if (retryAfter != null && next.isPresent() && next.get().reason() == Reason.RETRY) {
            Instant asked = ended.plus(retryAfter);
            if (asked.isAfter(next.get().at())) {
                next = Optional.of(new Due(asked, Reason.RETRY)); // the server's Retry-After is longer
            }
        }
        plan(next);
    }

    /**
     * With {@code -Dmppfw.bench=true}, prints how long after the JVM started the first profile was
     * applied (bench/first-resync.sh reads it), as the launcher prints its boot time.
     */
    private static void reportFirstProfile() {
        if (!Boolean.getBoolean("mppfw.bench")) {
            return;
        }
        // the JVM's own start time: the process start time of /proc has a resolution of a second
        long start = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.println("mppfw: first profile applied " + (System.currentTimeMillis() - start) + " ms after JVM start");
    }

    /** What one rule did. */
    private record Step(boolean passed, ResultClass resultClass, String url, String message, Attempt attempt) {

        /** {@code Profile_Rule_B https://host:443/x.xml: A, aes-256-cbc+gzip, 812 bytes: applied: ...}. */
        String describe(String rule) {
            StringBuilder b = new StringBuilder(rule).append(' ').append(url.isEmpty() ? "-" : url).append(": ")
                    .append(passed ? "A" : "class " + resultClass);
            if (attempt != null && !attempt.decoding().isEmpty()) {
                b.append(", ").append(attempt.decoding()).append(", ").append(attempt.bytes()).append(" bytes");
            }
            String m = message.startsWith(rule + ": ") ? message.substring(rule.length() + 2) : message;
            return b.append(": ").append(m).toString();
        }
    }

    /** Evaluates and runs one rule; null when it had nothing to do. */
    private Step runRule(String name, String text, Map<String, String> state, List<String> changed, List<String> rejected) {
        RuleDecision decision;
        try {
            decision = rules.evaluate(text, RuleKind.PROFILE, macros(state));
        } catch (RuleSyntaxException | RuleEvaluationException e) {
            return fail(name, "", ResultClass.C, name + ": " + e.getMessage(), state, null);
        }
        if (!decision.assignments().isEmpty()) {
            try {
                store.setAll(decision.assignments(), ChangeSource.SYSTEM);
                decision.assignments().keySet().forEach(changed::add);
            } catch (IOException | RuntimeException e) {
                return fail(name, "", ResultClass.C, name + ": assignments refused: " + e.getMessage(), state, null);
            }
        }
        if (decision.nothingToDo()) {
            LOG.debug("{}: nothing to do ({})", name, decision.reason());
            return null;
        }
        ProvisioningUrl url = decision.url();
        if (url.scheme() == ProvisioningUrl.Scheme.GDS) {
            LOG.info("{}: gds:// asks for an activation code; nothing to fetch", name);
            return null;
        }
        if (decision.options().alias() != 0) {
            // SPA alias maps: documented for the SPA line only; MPP support is unconfirmed
            LOG.warn("{}: --alias {} is not applied: the profile must use the phone's own element names", name,
                    decision.options().alias());
        }
        ServerChoice.Candidates candidates;
        try {
            candidates = ServerChoice.candidates(url, decision.options().srv(), discovery,
                    t -> rules.expand(t, macros(state)));
        } catch (ServerChoice.NoServer e) {
            return fail(name, url.toString(), ResultClass.C, name + ": " + e.getMessage(), state, null);
        }
        if (candidates.via() != null) {
            LOG.info("{}: server from {}: {}", name, candidates.via(), candidates.uris());
        }
        Step last = null;
        for (URI uri : candidates.uris()) {
            last = fetch(name, uri, candidates.tlsName(), decision, state, changed, rejected);
            // the first server that yields a response wins, even a 401 or a 404; only no answer moves on
            if (last.passed() || last.attempt() == null || !ServerChoice.noResponse(last.attempt())) {
                return last;
            }
            if (candidates.uris().size() > 1) {
                LOG.info("{}: no answer from {} ({}); trying the next server", name, uri, last.message());
            }
        }
        return last;
    }

    /** Fetches and applies one URL. */
    private Step fetch(String name, URI uri, String tlsName, RuleDecision decision, Map<String, String> state,
            List<String> changed, List<String> rejected) {
        UrlMacros.put(uri, state);
        state.remove("ERR");
        log("Log_Request_Msg", SyslogSender.Severity.INFO, state);
        FetchPlan plan = new FetchPlan(uri, decision.options().key() == null ? null : decision.options().key().toCharArray(),
                credentials(decision), postBody(decision, state), "https".equals(uri.getScheme()) ? tlsName : null);
        Attempt attempt;
        try {
            attempt = fetcher.fetchAndApply(plan);
        } finally {
            plan.wipe();
        }
        attempt.applyResult().ifPresent(a -> {
            changed.addAll(a.changed());
            a.rejected().forEach(r -> rejected.add(r.toString()));
        });
        if (attempt.success() || (attempt.fileNotFound() && !settings().failsOnFileNotFound())) {
            state.put("ERR", attempt.message());
            log("Log_Success_Msg", SyslogSender.Severity.INFO, state);
            return new Step(true, ResultClass.A, attempt.url(), name + ": " + attempt.message(), attempt);
        }
        return fail(name, attempt.url(), attempt.resultClass(), name + ": " + attempt.message(), state, attempt);
    }

    private Step fail(String name, String url, ResultClass c, String message, Map<String, String> state, Attempt attempt) {
        state.put("ERR", message);
        log("Log_Failure_Msg", SyslogSender.Severity.NOTICE, state);
        return new Step(false, c, url, message, attempt);
    }

    private Credentials credentials(RuleDecision d) {
        String uid = d.options().uid();
        String pwd = d.options().pwd();
        if (uid == null && pwd == null) {
            Credentials account = profileAccount;
            if (account == null) {
                return null;
            }
            char[] password = account.password();
            try {
                return new Credentials(account.user(), password); // the plan wipes its own copy
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }
        return new Credentials(uid == null ? "" : uid, (pwd == null ? "" : pwd).toCharArray());
    }

    private byte[] postBody(RuleDecision d, Map<String, String> state) {
        char reg = d.options().post();
        if (reg == 0) {
            return null;
        }
        String gpp = param("GPP_" + Character.toUpperCase(reg));
        return rules.expand(gpp == null ? "" : gpp, macros(state)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The timers of an attempt ({@code $PRVTMR $UPGTMR $UPGST $UPGERR}) as they stood at its start:
     * its rules and messages see these, not the phone's, which count from the attempt itself.
     */
    private Map<String, String> timersAtStart() {
        MacroSource now = phoneMacros.now();
        Map<String, String> m = new HashMap<>();
        for (String name : TIMERS) {
            String v = now.value(name);
            if (v != null) {
                m.put(name, v);
            }
        }
        return m;
    }

    /** The phone's macros with the values of this event over them. */
    private MacroSource macros(Map<String, String> state) {
        return phoneMacros.now().with(state);
    }

    private char[] ikm() {
        String v = param("IKM_HTTP_Encrypt_Content");
        return v == null || v.isEmpty() ? null : v.toCharArray();
    }

    /** Expands a {@code Log_*} message with this event's values and sends it to {@code Syslog_Server}. */
    private String log(String parameter, SyslogSender.Severity severity, Map<String, String> state) {
        return logLines.send(parameter, severity, macros(state));
    }

    // ---- status -------------------------------------------------------------------------------

    private void publish(ProvisioningStatus.State state) {
        publish(state, null);
    }

    private void publish(ProvisioningStatus.State state, Reason running) {
        ResyncRecord last;
        synchronized (history) {
            last = history.peekFirst();
        }
        Due p = planned;
        ProvisioningStatus s = new ProvisioningStatus(state, last, p == null ? null : p.at(),
                p == null ? (running == null ? null : reasonName(running)) : reasonName(p.reason()), policy.failuresInARow());
        status = s;
        for (ProvisioningListener l : listeners) {
            try {
                l.statusChanged(s);
            } catch (RuntimeException e) {
                LOG.warn("provisioning listener {} failed: {}", l, e.toString());
            }
        }
    }

    static String reasonName(Reason r) {
        return switch (r) {
            case EXPLICIT -> "explicit";
            case POWER_UP -> "power-up";
            case PERIODIC -> "periodic";
            case RETRY -> "retry";
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
