package org.mppfw.upgrade.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.crypto.ManifestSignatures;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.device.DeviceProperties;
import org.mppfw.api.firmware.FirmwareListener;
import org.mppfw.api.firmware.FirmwareService;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.api.line.LineState;
import org.mppfw.api.line.LineStateListener;
import org.mppfw.api.power.BootReason;
import org.mppfw.api.power.Power;
import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningListener;
import org.mppfw.api.provisioning.ProvisioningLog;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ProvisioningUrl;
import org.mppfw.api.provisioning.RuleDecision;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleSyntaxException;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.mppfw.upgrade.internal.image.LoadsException;
import org.mppfw.upgrade.internal.image.LoadsVerifier;
import org.mppfw.upgrade.internal.image.VerifiedImage;
import org.mppfw.upgrade.internal.image.VerifyPolicy;
import org.mppfw.layout.Durable;
import org.mppfw.layout.FirmwareState;
import org.mppfw.upgrade.internal.sets.BundleSet;
import org.mppfw.upgrade.internal.sets.BundleSets;
import org.mppfw.layout.FaultPoint;
import org.mppfw.upgrade.internal.state.AttemptRecord;
import org.mppfw.upgrade.internal.swap.BundleSwapper;
import org.mppfw.upgrade.internal.swap.HealthCheck;
import org.mppfw.upgrade.internal.swap.SwapException;
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
 * The firmware upgrade: evaluates {@code Upgrade_Rule} (after every resync, when the rule or
 * {@code Upgrade_Enable} changes, when a failed attempt's {@code Upgrade_Error_Retry_Delay} has
 * passed), waits until the lines are idle, downloads the image into the data dir (an interrupted
 * HTTP download resumes with a Range request), verifies it whole before anything changes, puts it
 * into the free slot, marks it pending in the state record, swaps the bundles that differ in the
 * running framework, and commits after the health check, or swaps the previous set back.
 * <p>
 * After a commit the rule is evaluated again, so that a multistage rule
 * ({@code ($SWVER lt 12-0-2...)? http://.../v2.loads | http://.../v3.loads}) steps on until nothing
 * is left to do. A rule and URL that succeeded are not tried again; a failed one only after the
 * retry delay.
 * <p>
 * The swap may stop this component (when it replaces this bundle, or one this bundle imports
 * from), so the upgrade thread finishes the swap, the check and the commit on its own (see
 * {@link BundleSwapper}); whichever instance of this component is active then carries on with
 * the resync and the next stage. After a reboot into a set on trial, this component runs the
 * check once the launcher has started every bundle, and commits, or gives the set up by a restart
 * through the power service (never a swap back in place). In a command run ({@code mppfw -c}) it
 * starts nothing by itself: no check, no evaluation at start.
 */
@Component(service = {FirmwareService.class, ParameterListener.class, ProvisioningListener.class,
    LineStateListener.class}, immediate = true,
        property = {ParameterListener.NAMES + "=Upgrade_Rule", ParameterListener.NAMES + "=Upgrade_Enable"})
public final class UpgradeEngine implements FirmwareService, ParameterListener, ProvisioningListener, LineStateListener {

    /** Framework property naming the image dir. */
    static final String HOME = "mppfw.home";
    /** Framework properties set by the launcher: the set booted, and whether it is on trial. */
    static final String BOOTED_SET = "mppfw.firmware.set";
    static final String BOOTED_TRIAL = "mppfw.firmware.trial";
    /** Framework property set by the launcher: the start level it raises the framework to. */
    static final String TARGET_LEVEL = "mppfw.startlevel";
    /** Framework property: how long the health check waits, in milliseconds (default 30 s). */
    static final String HEALTH_TIMEOUT = "mppfw.upgrade.health.timeout.ms";
    static final String TRUSTED_KEY = "etc/firmware-signing.pem";
    /** The largest image accepted. */
    static final long MAX_IMAGE = 256L << 20;
    /** How often a component whose swap is finished by another instance looks at the state record. */
    static final Duration SWAP_POLL = Duration.ofSeconds(1);
    /** Present while an attempt runs (for {@code fw:wait}, which must not depend on this component). */
    static final String UPGRADING_MARKER = "firmware/upgrading";
    /** The upgrade thread's name. */
    static final String THREAD = "mppfw-upgrade";
    /** How long a phone stopping to give up a set on trial waits for the upgrade thread's state record. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** How often an upgrade waiting for idle lines looks at them again. */
    static final Duration IDLE_RECHECK = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeEngine.class);

    private final ParameterStore store;
    private final DeviceIdentity identity;
    private final ManifestSignatures signatures;
    private final ProvisioningRules rules;
    private final Clock clock;
    private final BundleSets sets;
    private final BundleSwapper swapper;
    private final Path home;
    private final Duration healthTimeout;
    /** The start level the launcher raises the framework to (0: unknown). */
    private final int targetLevel;
    private final ExecutorService executor;
    private final SecureRandom random = new SecureRandom();
    private final FirmwareVersion bootedVersion;

    private final Map<String, Transport> transports = new HashMap<>();
    private final List<FirmwareListener> listeners = new CopyOnWriteArrayList<>();
    private volatile LineState lineState;
    private volatile Provisioning provisioning;
    private volatile ProvisioningLog provisioningLog;
    private volatile Power power;
    /** Set while a set on trial is given up: the reboot asked for waits for the state record. */
    private volatile boolean givingUp;
    /** A command run ({@code mppfw -c}): not a power-on, nothing starts by itself. */
    private final boolean commandRun;

    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean active = true;
    private volatile UpgradeStatus status;
    private volatile Clock.Timer timer;
    private volatile Instant lastResyncSeen;
    /** Set while a replaced instance of this component finishes its swap. */
    private volatile boolean finishingElsewhere;
    /** A manual upgrade asked for meanwhile, or null. */
    private volatile String queued;
    /** The last attempt when this instance started (a rollback writes none). */
    private final AttemptRecord lastAtStart;
    /** The rule and URL of an upgrade waiting for idle lines, or null. */
    private volatile String[] waiting;

    @Activate
    public UpgradeEngine(@Reference ParameterStore store, @Reference DeviceIdentity identity,
            @Reference ManifestSignatures signatures, @Reference ProvisioningRules rules, @Reference Clock clock,
            BundleContext context) {
        this.store = store;
        this.identity = identity;
        this.signatures = signatures;
        this.rules = rules;
        this.clock = clock;
        this.bootedVersion = FirmwareVersion.parse(
                Optional.ofNullable(context.getProperty(DeviceProperties.FIRMWARE_VERSION)).orElse("0-0-0-0"));
        String homeProp = context.getProperty(HOME);
        this.home = homeProp == null ? null : Path.of(homeProp);
        this.sets = new BundleSets(home, Path.of(context.getProperty(DeviceProperties.DATA_DIR)));
        this.swapper = new BundleSwapper(context);
        this.targetLevel = Integer.parseInt(Optional.ofNullable(context.getProperty(TARGET_LEVEL)).orElse("0").trim());
        this.healthTimeout = Duration.ofMillis(Long.parseLong(
                Optional.ofNullable(context.getProperty(HEALTH_TIMEOUT)).orElse("30000").trim()));
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, THREAD);
            t.setDaemon(true);
            return t;
        });
        AttemptRecord last = AttemptRecord.read(sets.dataDir());
        this.lastAtStart = last;
        this.status = new UpgradeStatus(UpgradeStatus.Phase.IDLE, -1, "", last == null ? null : last.started(),
                last == null ? "" : last.result(), last != null && !last.ok() ? 2 : 1);

        FirmwareState st = FirmwareState.read(sets.dataDir());
        if (st.pending() == null) {
            try {
                Files.deleteIfExists(sets.dataDir().resolve(UPGRADING_MARKER)); // left by a power cut
            } catch (IOException e) {
                LOG.debug("cannot delete the upgrade marker: {}", e.getMessage());
            }
        }
        String booted = context.getProperty(BOOTED_SET);
        boolean trial = Boolean.parseBoolean(context.getProperty(BOOTED_TRIAL));
        this.commandRun = DeviceProperties.commandRun(context.getProperty(DeviceProperties.BOOT_MODE));
        boolean booting = !swapper.bootComplete();
        if (booting && st.pending() != null && trial && st.pending().equals(booted)) {
            if (commandRun) {
                LOG.info("firmware {} is on trial: a command run does not check it, the next power-on does",
                        booted);
            } else {
                executor.execute(this::checkTrialBoot);
            }
        } else if (!booting && st.pending() != null) {
            // a swap in this framework is being finished by the thread that started it
            waitForSwap();
        } else if (!commandRun && st.pending() == null) {
            executor.execute(() -> evaluate("start"));
        }
    }

    @Deactivate
    void deactivate() {
        active = false;
        Clock.Timer t = timer;
        if (t != null) {
            t.cancel();
        }
        // never interrupt: a swap under way must reach a whole set whatever happens to this component
        executor.shutdown();
        if (givingUp && !Thread.currentThread().getName().equals(THREAD)) {
            // the phone stops for the reboot that gives up a set on trial: let the state record
            // that clears the trial be written first
            try {
                if (!executor.awaitTermination(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    LOG.warn("the upgrade thread is still busy after {} s; stopping all the same", STOP_WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTransport(Transport t, Map<String, Object> props) {
        synchronized (transports) {
            for (String scheme : schemes(props.get(Transport.SCHEMES))) {
                transports.put(scheme, t);
            }
        }
    }

    void removeTransport(Transport t) {
        synchronized (transports) {
            transports.values().removeIf(x -> x == t);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(FirmwareListener l) {
        listeners.add(l);
        UpgradeStatus s = status;
        if (s != null && s.busy()) {
            try {
                l.upgradeStatusChanged(s); // a listener that joins during an upgrade learns where it is
            } catch (RuntimeException e) {
                LOG.warn("a firmware listener failed: {}", e.toString());
            }
        }
    }

    void removeListener(FirmwareListener l) {
        listeners.remove(l);
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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setProvisioning(Provisioning p) {
        provisioning = p;
    }

    void unsetProvisioning(Provisioning p) {
        if (provisioning == p) {
            provisioning = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setProvisioningLog(ProvisioningLog l) {
        provisioningLog = l;
    }

    void unsetProvisioningLog(ProvisioningLog l) {
        if (provisioningLog == l) {
            provisioningLog = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setPower(Power p) {
        power = p;
    }

    void unsetPower(Power p) {
        if (power == p) {
            power = null;
        }
    }

    /** {@code Log_Upgrade_*}: the URL's parts and the result as macros, to syslog. */
    private void syslog(String parameter, boolean failure, String url, String err) {
        ProvisioningLog l = provisioningLog;
        if (l == null || !active) {
            return;
        }
        Map<String, String> m = new HashMap<>();
        try {
            URI u = URI.create(url);
            m.put("SCHEME", u.getScheme());
            m.put("METH", u.getScheme());
            m.put("SERV", u.getHost());
            String ip;
            try {
                ip = java.net.InetAddress.getByName(u.getHost()).getHostAddress();
            } catch (IOException | SecurityException e) {
                ip = u.getHost();
            }
            m.put("SERVIP", ip);
            m.put("PORT", Integer.toString(u.getPort()));
            m.put("PATH", u.getRawPath());
        } catch (IllegalArgumentException e) {
            // a URL that does not parse: its parts stay empty
        }
        m.put("ERR", err);
        try {
            l.log(parameter, failure, m);
        } catch (RuntimeException e) {
            LOG.debug("syslog: {}", e.toString());
        }
    }

    // ---- FirmwareService

    @Override
    public FirmwareVersion running() {
        FirmwareState st = FirmwareState.read(sets.dataDir());
        FirmwareVersion v = sets.versionOf(st.running());
        if (v == null) {
            return bootedVersion;
        }
        return new FirmwareVersion(modelPrefix(), v.major(), v.minor(), v.micro(), v.build());
    }

    @Override
    public Optional<FirmwareVersion> previous() {
        FirmwareState st = FirmwareState.read(sets.dataDir());
        return st.previous() == null ? Optional.empty() : Optional.ofNullable(sets.versionOf(st.previous()));
    }

    @Override
    public String lastResult() {
        return status.lastResult();
    }

    @Override
    public UpgradeStatus status() {
        return status;
    }

    @Override
    public boolean upgrade(String url) {
        if (!enabled()) {
            return false;
        }
        if (finishingElsewhere) {
            queued = url; // started once the swap of a replaced instance of this component is done
            return active;
        }
        if (busy.get()) {
            return false;
        }
        submit(() -> start("", url, "requested"));
        return active;
    }

    /** The state record as it is now (for the shell). */
    FirmwareState state() {
        return FirmwareState.read(sets.dataDir());
    }

    BundleSets sets() {
        return sets;
    }

    /**
     * Swaps back to the set a rollback returns to, and commits it after the health check. Runs on
     * the upgrade thread, after an attempt that is under way.
     *
     * @return the outcome, in one line
     */
    String rollback() {
        java.util.concurrent.Future<String> f;
        try {
            f = executor.submit(this::rollbackNow);
        } catch (RuntimeException e) {
            return "the upgrade service is stopping; nothing rolled back";
        }
        try {
            return f.get(10, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted; the rollback goes on";
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return "the rollback failed: " + e;
        }
    }

    private String rollbackNow() {
        FirmwareState st = FirmwareState.read(sets.dataDir());
        if (st.pending() != null) {
            return "an upgrade is pending; nothing rolled back";
        }
        if (st.previous() == null) {
            return "there is no previous firmware to roll back to";
        }
        if (!busy.compareAndSet(false, true)) {
            return "an upgrade is under way; nothing rolled back";
        }
        try {
            BundleSet from = sets.load(st.running());
            BundleSet to = sets.load(st.previous());
            String result = switchTo(from, to, st.previous(), "rollback");
            LOG.info("{}", result);
            return result;
        } catch (IOException e) {
            return "cannot roll back: " + e.getMessage();
        } finally {
            busy.set(false);
            publish(idleStatus());
        }
    }

    // ---- listeners

    @Override
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        submit(() -> evaluate("Upgrade_Rule or Upgrade_Enable changed"));
    }

    @Override
    public void statusChanged(ProvisioningStatus s) {
        Instant finished = s.lastAttempt().map(r -> r.ended()).orElse(null);
        if (s.state() != ProvisioningStatus.State.RESYNCING && finished != null && !finished.equals(lastResyncSeen)) {
            lastResyncSeen = finished;
            submit(() -> evaluate("after a resync"));
        }
    }

    @Override
    public void idleChanged(boolean allIdle) {
        String[] w = waiting;
        if (allIdle && w != null) {
            submit(() -> {
                if (waiting == w) {
                    start(w[0], w[1], "the lines are idle");
                }
            });
        }
    }

    private void submit(Runnable r) {
        if (!active) {
            return;
        }
        try {
            executor.execute(r);
        } catch (RuntimeException e) {
            // shutting down
        }
    }

    // ---- the rule

    /** Evaluates Upgrade_Rule and starts an attempt if it asks for one. Runs on the upgrade thread. */
    void evaluate(String why) {
        if (!active || busy.get()) {
            return;
        }
        if (!enabled()) {
            publish(idleStatus());
            return;
        }
        String rule = store.get("Upgrade_Rule");
        if (rule == null || rule.isBlank()) {
            return;
        }
        RuleDecision d;
        try {
            d = rules.evaluate(rule, RuleKind.UPGRADE, macros());
        } catch (RuleSyntaxException | RuleEvaluationException e) {
            LOG.error("Upgrade_Rule cannot be used: {}", e.getMessage());
            finishStatus("Upgrade_Rule: " + e.getMessage());
            return;
        }
        if (d.url() == null) {
            LOG.debug("Upgrade_Rule picks no image ({})", d.reason());
            return;
        }
        String url = effectiveUrl(d.url());
        FirmwareVersion named = versionInName(d.url().path());
        if (named != null && named.compareTo(running()) == 0) {
            LOG.debug("Upgrade_Rule names the running version {}: nothing to do", named);
            return;
        }
        AttemptRecord last = AttemptRecord.read(sets.dataDir());
        if (last != null && last.sameTarget(rule, url)) {
            if (last.ok()) {
                return; // not attempted again until the rule or the URL changes
            }
            Duration delay = RetryDelays.parse(store.get("Upgrade_Error_Retry_Delay")).after(last.failures(), random);
            if (delay == null) {
                return;
            }
            Instant due = last.started().plus(delay);
            if (clock.now().isBefore(due)) {
                schedule(Duration.between(clock.now(), due), "retry after Upgrade_Error_Retry_Delay");
                return;
            }
        }
        start(rule, url, "Upgrade_Rule, " + why);
    }

    /** Starts an attempt now if the lines are idle, else when they become idle. Upgrade thread. */
    private void start(String rule, String url, String why) {
        LineState lines = lineState;
        if (lines != null && !lines.allIdle()) {
            LOG.info("an upgrade to {} waits until the lines are idle", url);
            String[] w = new String[] {rule, url};
            waiting = w;
            // also look again now and then: not every line-state service tells of its changes
            Clock.Timer old = timer;
            if (old != null) {
                old.cancel();
            }
            timer = clock.schedule(IDLE_RECHECK, () -> submit(() -> {
                if (waiting == w) {
                    start(w[0], w[1], "the lines are idle");
                }
            }));
            publish(new UpgradeStatus(UpgradeStatus.Phase.WAITING_FOR_IDLE, -1, url, status.lastAttempt(),
                    status.lastResult(), status.upgst()));
            return;
        }
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        waiting = null;
        LOG.info("upgrading from {} ({})", url, why);
        attempt(rule, url);
    }

    private void schedule(Duration delay, String why) {
        Clock.Timer t = timer;
        if (t != null) {
            t.cancel();
        }
        timer = clock.schedule(delay, () -> submit(() -> evaluate(why)));
    }

    // ---- an attempt

    /** One upgrade attempt; {@code busy} is held by the caller and released here. */
    private void attempt(String rule, String url) {
        Instant started = clock.now();
        AttemptRecord last = AttemptRecord.read(sets.dataDir());
        int failuresBefore = last != null && !last.ok() && last.sameTarget(rule, url) ? last.failures() : 0;
        int upgst = failuresBefore > 0 ? 2 : 1;
        boolean ok = false;
        String result = "";
        boolean committed = false;
        Path marker = sets.dataDir().resolve(UPGRADING_MARKER);
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, url + "\n");
        } catch (IOException e) {
            LOG.debug("cannot write {}: {}", marker, e.getMessage());
        }
        syslog("Log_Upgrade_Request_Msg", false, url, "");
        try {
            String kept = keptSlot(url);
            if (kept != null) {
                // the image is in the other slot already: checked again, swapped in without a download
                publish(new UpgradeStatus(UpgradeStatus.Phase.VERIFYING, -1, url, started, status.lastResult(), upgst));
                new LoadsVerifier(signatures).verifyInstalled(sets.slotDir(kept), trustedKey(), policy());
                result = swapIn(kept) + ", from the image kept in slot " + kept;
                committed = result.startsWith("upgraded");
                ok = committed;
            } else {
                publish(new UpgradeStatus(UpgradeStatus.Phase.DOWNLOADING, 0, url, started, status.lastResult(), upgst));
                Path file = download(url, started, upgst);
                publish(new UpgradeStatus(UpgradeStatus.Phase.VERIFYING, -1, url, started, status.lastResult(), upgst));
                Path staging = sets.dataDir().resolve(BundleSets.STAGING);
                Durable.deleteTree(staging);
                VerifiedImage v;
                try (InputStream in = Files.newInputStream(file)) {
                    v = new LoadsVerifier(signatures).verify(in, trustedKey(), policy(), staging);
                } catch (LoadsException e) {
                    Files.deleteIfExists(file); // a bad image is not resumed
                    throw e;
                }
                Files.deleteIfExists(file);
                FirmwareVersion target = v.manifest().version();
                if (target.compareTo(running()) == 0) {
                    Durable.deleteTree(staging);
                    ok = true;
                    result = "firmware " + target.release() + " is already running";
                } else {
                    result = swapIn(install(staging));
                    committed = result.startsWith("upgraded");
                    ok = committed;
                }
            }
        } catch (TransportException e) {
            result = "download of " + url + " failed: " + e.getMessage();
        } catch (LoadsException e) {
            result = "image " + url + " refused: " + e.getMessage();
        } catch (IOException e) {
            result = "upgrade from " + url + " failed: " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.error("upgrade from {} failed", url, e);
            result = "upgrade from " + url + " failed: " + e;
        }
        if (ok) {
            LOG.info("{}", result);
        } else {
            LOG.error("{}", result);
        }
        syslog(ok ? "Log_Upgrade_Success_Msg" : "Log_Upgrade_Failure_Msg", !ok, url, result);
        try {
            new AttemptRecord(rule, url, started, ok, result, ok ? 0 : failuresBefore + 1).write(sets.dataDir());
        } catch (IOException e) {
            LOG.error("cannot record the upgrade attempt: {}", e.getMessage());
        }
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", marker, e.getMessage());
        }
        busy.set(false);
        status = new UpgradeStatus(UpgradeStatus.Phase.IDLE, -1, "", started, result, ok ? 1 : 2);
        if (!active) {
            return; // this component was replaced during the swap: the active one carries on
        }
        publish(status);
        afterAttempt(committed);
    }

    private void afterAttempt(boolean committed) {
        Provisioning p = provisioning;
        if (p != null && "yes".equalsIgnoreCase(String.valueOf(store.get("Resync_After_Upgrade_Attempt")).trim())) {
            p.resync();
        }
        // multistage: a commit may make the rule pick the next image; a failure schedules its retry
        submit(() -> evaluate(committed ? "the next stage" : "after a failed attempt"));
    }

    /** Marks a slot pending (so that a reboot tries it) and swaps it in for the running set. */
    private String swapIn(String slot) throws IOException {
        FirmwareState st = FirmwareState.read(sets.dataDir());
        BundleSet from = sets.load(st.running());
        BundleSet to = sets.load(slot);
        st.withPending(slot, FirmwareState.BOOT_ATTEMPTS).write(sets.dataDir());
        return switchTo(from, to, slot, "upgrade");
    }

    /**
     * Swaps from {@code from} to {@code to} (slot {@code slot}) in the running framework, checks it,
     * and commits or swaps back. The state record must already say what a reboot should do.
     */
    private String switchTo(BundleSet from, BundleSet to, String slot, String what) {
        FirmwareState st = FirmwareState.read(sets.dataDir());
        if (st.pending() == null) {
            // a rollback: on trial until checked, a reboot meanwhile boots it too
            try {
                st = st.withPending(slot, FirmwareState.BOOT_ATTEMPTS);
                st.write(sets.dataDir());
            } catch (IOException e) {
                return "cannot write the firmware state: " + e.getMessage();
            }
        }
        String target = to.version().release();
        publish(new UpgradeStatus(UpgradeStatus.Phase.INSTALLING, -1, target, status.lastAttempt(), status.lastResult(),
                status.upgst()));
        BundleSwapper.Plan plan = swapper.plan(from, to);
        LOG.info("{} to {}: {}", what, target, plan);
        HealthCheck.Result health;
        try {
            List<String> warnings = swapper.apply(plan, healthTimeout);
            warnings.forEach(w -> LOG.warn("{}", w));
            FirmwareState.read(sets.dataDir()).withRunning(slot).write(sets.dataDir());
            publishIfActive(UpgradeStatus.Phase.CHECKING, target);
            FaultPoint.reach(FaultPoint.CHECK);
            health = new HealthCheck(swapper.system()).await(to, swapper.frameworkLevel(), healthTimeout);
        } catch (SwapException | IOException e) {
            health = new HealthCheck.Result(false, List.of(e.getMessage()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            health = new HealthCheck.Result(false, List.of("interrupted"), false);
        }
        try {
            if (health.healthy()) {
                FirmwareState.read(sets.dataDir()).committed(slot).write(sets.dataDir());
                return (what.equals("rollback") ? "rolled back to " : "upgraded to ") + target + " (" + plan + ")";
            }
            if (swapper.stopping()) {
                // not the new set's fault: the next boot tries it again (it is pending, with its boot attempts)
                LOG.warn("the phone stopped during the check of firmware {}: it stays on trial for the next boot", target);
                return "firmware " + target + " stays on trial: the phone stopped during its check";
            }
            LOG.error("firmware {} failed its health check: {}", target, health.summary());
            publishIfActive(UpgradeStatus.Phase.ROLLING_BACK, target);
            FirmwareState now = FirmwareState.read(sets.dataDir());
            now.withPending(null, 0).withNote("firmware " + target + " failed its health check").write(sets.dataDir());
            BundleSwapper.Plan back = swapper.plan(to, from);
            try {
                swapper.apply(back, healthTimeout);
            } catch (SwapException e) {
                LOG.error("swapping back to {} failed: {}; the next boot runs it whole", from.version(), e.getMessage());
            }
            FirmwareState.read(sets.dataDir()).withRunning(from.name()).write(sets.dataDir());
            return "firmware " + target + " failed its health check and was rolled back to "
                    + from.version().release() + ": " + health.summary();
        } catch (IOException e) {
            return "cannot write the firmware state: " + e.getMessage();
        }
    }

    private void publishIfActive(UpgradeStatus.Phase phase, String target) {
        if (active) {
            publish(new UpgradeStatus(phase, -1, target, status.lastAttempt(), status.lastResult(), status.upgst()));
        }
    }

    /**
     * After a reboot into a set on trial: check it once the launcher has started every bundle, and
     * commit it, or give it up by a restart into the committed set. Never a swap back in place: the
     * bundles stay exactly the set the launcher booted until the phone restarts. A check that runs
     * out of time while bundles are still starting is not a failure (it goes on), and one cut short
     * by a shutdown leaves the set on trial for the next boot.
     */
    private void checkTrialBoot() {
        busy.set(true);
        String result;
        try {
            FirmwareState st = FirmwareState.read(sets.dataDir());
            BundleSet trial = sets.load(st.pending());
            String release = trial.version().release();
            publish(new UpgradeStatus(UpgradeStatus.Phase.CHECKING, -1, release,
                    status.lastAttempt(), status.lastResult(), status.upgst()));
            if (!swapper.awaitBootComplete(targetLevel, () -> !active)) {
                LOG.warn("the phone stopped before firmware {} had started: it stays on trial for the next boot", release);
                return;
            }
            FaultPoint.reach(FaultPoint.CHECK);
            HealthCheck.Result h;
            while (true) {
                h = new HealthCheck(swapper.system()).await(trial, swapper.frameworkLevel(), healthTimeout);
                if (h.healthy()) {
                    break;
                }
                if (!active || swapper.stopping()) {
                    LOG.warn("the phone stopped during the check of firmware {}: it stays on trial for the next boot",
                            release);
                    return;
                }
                if (!h.starting()) {
                    break;
                }
                LOG.warn("firmware {} is still starting after {} s ({}): checking on", release,
                        healthTimeout.toSeconds(), h.summary());
            }
            if (h.healthy()) {
                FirmwareState.read(sets.dataDir()).committed(st.pending()).write(sets.dataDir());
                result = "upgraded to " + release + " (checked after a restart)";
                LOG.info("{}", result);
                recordCheck(result, true);
            } else {
                result = "firmware " + release + " failed its health check after a restart and was given up: "
                        + h.summary();
                LOG.error("{}; restarting into the committed set", result);
                // the reboot's reason is written first: until pending is cleared below, a power cut
                // boots the set on trial again (one attempt less), never a mix; the framework's stop
                // waits for this thread (deactivate) before the launcher boots again
                givingUp = true;
                try {
                    restart(BootReason.TRIAL_GIVEN_UP, "firmware " + release + " failed its health check: " + h.summary());
                    FirmwareState.read(sets.dataDir()).withPending(null, 0)
                            .withNote("firmware " + release + " failed its health check after a restart: " + h.summary())
                            .write(sets.dataDir());
                    recordCheck(result, false);
                } finally {
                    givingUp = false;
                }
                return;
            }
        } catch (IOException e) {
            result = "the check of the firmware on trial failed: " + e.getMessage();
            LOG.error("{}", result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            busy.set(false);
        }
        status = new UpgradeStatus(UpgradeStatus.Phase.IDLE, -1, "", status.lastAttempt(), result, status.upgst());
        if (active) {
            publish(status);
            afterAttempt(result.startsWith("upgraded"));
        }
    }

    private void recordCheck(String result, boolean ok) throws IOException {
        AttemptRecord last = AttemptRecord.read(sets.dataDir());
        if (last != null) {
            new AttemptRecord(last.rule(), last.url(), last.started(), ok, result, ok ? 0 : last.failures() + 1)
                    .write(sets.dataDir());
        }
    }

    /** Restarts the phone through the power service; without one, the next power-on boots the committed set. */
    private void restart(BootReason reason, String detail) {
        Power p = power;
        if (p == null) {
            LOG.error("no power service to restart the phone: the committed set boots at the next power-on");
            return;
        }
        p.reboot(reason, detail);
    }

    /** Polls the state record until the swap finishing in this framework is done, then carries on. */
    private void waitForSwap() {
        busy.set(true);
        finishingElsewhere = true;
        if (status.phase() == UpgradeStatus.Phase.IDLE) {
            FirmwareState st = FirmwareState.read(sets.dataDir());
            FirmwareVersion v = st.pending() == null ? null : sets.versionOf(st.pending());
            status = new UpgradeStatus(UpgradeStatus.Phase.CHECKING, -1, v == null ? "" : v.release(),
                    status.lastAttempt(), status.lastResult(), status.upgst());
        }
        timer = clock.schedule(SWAP_POLL, () -> {
            if (!active) {
                return;
            }
            FirmwareState st = FirmwareState.read(sets.dataDir());
            if (st.pending() != null) {
                waitForSwap();
                return;
            }
            busy.set(false);
            finishingElsewhere = false;
            String next = queued;
            queued = null;
            if (next != null) {
                submit(() -> start("", next, "requested"));
            }
            AttemptRecord last = AttemptRecord.read(sets.dataDir());
            status = last == null ? idleStatus() : new UpgradeStatus(UpgradeStatus.Phase.IDLE, -1, "", last.started(),
                    last.result(), last.ok() ? 1 : 2);
            publish(status);
            if (last != null && !last.equals(lastAtStart)) {
                // the instance that ran the attempt was replaced by the swap before it could say so
                syslog(last.ok() ? "Log_Upgrade_Success_Msg" : "Log_Upgrade_Failure_Msg", !last.ok(), last.url(),
                        last.result());
            }
            if (last != null && !last.equals(lastAtStart)) {
                submit(() -> afterAttempt(last.ok()));
            } else {
                submit(() -> evaluate("after a rollback"));
            }
        });
    }

    /** Moves a verified staging dir into the free slot; returns the slot. */
    private String install(Path staging) throws IOException {
        FirmwareState st = FirmwareState.read(sets.dataDir());
        String slot = st.freeSlot();
        if (slot.equals(st.previous())) {
            st.withPrevious(null).write(sets.dataDir()); // that set is about to be overwritten
        }
        Path dir = sets.slotDir(slot);
        Durable.deleteTree(dir);
        Durable.syncTree(staging);
        Files.createDirectories(dir.getParent());
        Durable.move(staging, dir);
        Durable.syncDir(dir.getParent());
        FaultPoint.reach(FaultPoint.SLOT_INSTALLED);
        return slot;
    }

    /** The slot that holds the version the URL's file name names (not the running one), or null. */
    private String keptSlot(String url) {
        FirmwareVersion named;
        try {
            named = versionInName(URI.create(url).getPath());
        } catch (IllegalArgumentException e) {
            return null;
        }
        FirmwareState st = FirmwareState.read(sets.dataDir());
        String other = st.previous();
        if (named == null || other == null || FirmwareState.FACTORY.equals(other) || other.equals(st.running())) {
            return null;
        }
        FirmwareVersion v = sets.versionOf(other);
        return v != null && v.compareTo(named) == 0 ? other : null;
    }

    // ---- download

    private Path download(String url, Instant started, int upgst) throws IOException, TransportException {
        URI uri = URI.create(url);
        Transport t;
        synchronized (transports) {
            t = transports.get(uri.getScheme().toLowerCase(Locale.ROOT));
        }
        if (t == null) {
            throw new TransportException(org.mppfw.api.transport.ResultClass.C, 0,
                    "no transport for " + uri.getScheme() + " is running", null);
        }
        Path dir = sets.dataDir().resolve(BundleSets.DOWNLOADS);
        Files.createDirectories(dir);
        Path file = dir.resolve(Integer.toHexString(url.hashCode()) + ".part");
        try (var d = Files.newDirectoryStream(dir)) {
            for (Path p : d) {
                if (!p.equals(file)) {
                    Files.deleteIfExists(p); // a partial download of another URL
                }
            }
        }
        boolean resumable = uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http");
        long have = resumable && Files.isRegularFile(file) ? Files.size(file) : 0;
        if (have > 0) {
            LOG.info("resuming the download of {} at byte {}", url, have);
        }
        TransportRequest req = TransportRequest.builder(uri).resumeFrom(have).maxBytes(MAX_IMAGE)
                .deadline(Duration.ofMinutes(30))
                .progress((bytes, total) -> {
                    int pct = total > 0 ? (int) Math.min(100, bytes * 100 / total) : -1;
                    if (pct != status.percent()) {
                        publish(new UpgradeStatus(UpgradeStatus.Phase.DOWNLOADING, pct, url, started,
                                status.lastResult(), upgst));
                    }
                })
                .build();
        try (TransportResponse r = t.exchange(req);
                InputStream in = r.body();
                OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
                        have > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            in.transferTo(out);
        }
        return file;
    }

    // ---- helpers

    private boolean enabled() {
        return "yes".equalsIgnoreCase(String.valueOf(store.get("Upgrade_Enable")).trim());
    }

    private UpgradeStatus idleStatus() {
        UpgradeStatus s = status;
        return new UpgradeStatus(UpgradeStatus.Phase.IDLE, -1, "", s.lastAttempt(), s.lastResult(), s.upgst());
    }

    private void finishStatus(String result) {
        status = new UpgradeStatus(UpgradeStatus.Phase.IDLE, -1, "", status.lastAttempt(), result, status.upgst());
        publish(status);
    }

    private void publish(UpgradeStatus s) {
        status = s;
        for (FirmwareListener l : listeners) {
            try {
                l.upgradeStatusChanged(s);
            } catch (RuntimeException e) {
                LOG.warn("a firmware listener failed: {}", e.toString());
            }
        }
    }

    private MacroSource macros() {
        Map<String, String> values = new HashMap<>(store.values());
        UpgradeStatus s = status;
        Map<String, String> m = new HashMap<>();
        m.put("SWVER", running().toString());
        m.put("UPGST", Integer.toString(s.upgst()));
        m.put("UPGERR", s.lastResult());
        m.put("UPGTMR", Long.toString(s.lastAttempt() == null ? 0
                : Duration.between(s.lastAttempt(), clock.now()).toSeconds()));
        return name -> {
            String v = m.get(name);
            if (v != null) {
                return v;
            }
            return switch (name) {
                case "MA" -> identity.mac();
                case "MAU" -> identity.macUpper();
                case "MAC" -> identity.macWithColons();
                case "PN" -> identity.model();
                case "PSN" -> identity.productSeries();
                case "SN", "SERIAL_NUMBER" -> identity.serialNumber();
                case "HWVER" -> identity.hardwareVersion();
                default -> name.length() == 1 ? values.get("GPP_" + name) : null;
            };
        };
    }

    private VerifyPolicy policy() throws LoadsException {
        String limit = store.get("Downgrade_Rev_Limit");
        try {
            return VerifyPolicy.of(identity.model(), running().toString(), limit);
        } catch (IllegalArgumentException e) {
            throw new LoadsException(LoadsException.Reason.BELOW_DOWNGRADE_LIMIT,
                    "Downgrade_Rev_Limit '" + limit + "' is not a firmware version in Cisco's format");
        }
    }

    private byte[] trustedKey() throws IOException {
        if (home == null) {
            throw new IOException("no image dir: no trusted firmware key");
        }
        return Files.readAllBytes(home.resolve(TRUSTED_KEY));
    }

    /** {@code sip8845} for a CP-8845-3PCC. */
    private String modelPrefix() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(identity.model());
        return m.find() ? "sip" + m.group() : "";
    }

    /** scheme://server:port/path of a rule's URL. */
    static String effectiveUrl(ProvisioningUrl u) {
        String h = u.host().indexOf(':') >= 0 ? "[" + u.host() + "]" : u.host();
        return u.scheme().token() + "://" + h + ":" + u.port() + u.path();
    }

    /** The version in an image's file name ({@code .../sip88xx.12-0-2MPP0001-1.loads}), or null. */
    static FirmwareVersion versionInName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int q = name.indexOf('?');
        if (q >= 0) {
            name = name.substring(0, q);
        }
        try {
            return FirmwareVersion.parse(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> schemes(Object value) {
        if (value instanceof String s) {
            return List.of(s.split(","));
        }
        if (value instanceof String[] a) {
            return List.of(a);
        }
        return List.of();
    }
}
