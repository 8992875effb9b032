package org.mppfw.provisioning.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.line.LineState;
import org.mppfw.api.profile.DecodeException;
import org.mppfw.api.profile.ProfileCodec;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningListener;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.service.ServiceSlot;
import org.mppfw.api.transport.Transports;
import org.mppfw.provisioning.internal.fetch.ProfileFetcher;
import org.mppfw.provisioning.internal.schedule.ResyncPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resync engine of one phone, a plain object: it builds its parts from the services it is
 * given ({@link ResyncScheduler} for when, {@link AttemptRunner} and {@link RuleRunner} for what,
 * {@link ResyncHistory}, {@link ProfileAccount}, {@link StatusPublisher}) and hands every call to
 * its serial executor, on which all its work runs. It starts no thread of its own: the phone's
 * component gives it one ({@link ResyncComponent}); a test gives it a direct executor and a
 * virtual clock, so that the clock drives everything.
 */
public final class ResyncEngine implements Provisioning, ParameterListener {

    /** Attempts kept for {@code prov:history}. */
    static final int HISTORY = 32;
    /** How long a resync waits for a profile decoder that is being replaced. */
    static final Duration CODEC_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ResyncEngine.class);

    /**
     * What an engine works with: the phone's services, and the transport table and service slots
     * that its owner keeps current as services come and go.
     *
     * @param codec the profile decoder; a resync waits {@link #CODEC_WAIT} for one being replaced
     * @param discovery where a rule without a server, or with {@code --srv}, finds one
     * @param lines whether the lines are idle, for the idle gate (none: always idle)
     */
    public record Services(ParameterStore store, Clock clock, ProvisioningRules rules, PhoneMacros macros, LogLines log,
            Transports transports, ServiceSlot<ProfileCodec> codec, ServiceSlot<Discovery> discovery,
            ServiceSlot<LineState> lines) {
    }

    private final ParameterStore store;
    private final Executor executor;
    private final ResyncHistory history = new ResyncHistory(HISTORY);
    private final ProfileAccount account = new ProfileAccount();
    private final StatusPublisher publisher;
    private final ResyncScheduler scheduler;

    /** @param executor runs the engine's work, one task at a time, in order */
    public ResyncEngine(Services s, Executor executor, RandomGenerator random) {
        this.store = s.store();
        this.executor = executor;
        ParameterStore st = s.store();
        ProfileFetcher fetcher = new ProfileFetcher(s.transports()::find,
                (raw, options) -> s.codec().require(CODEC_WAIT, DecodeException::new).decode(raw, options), st,
                () -> ikm(st));
        RuleRunner rules = new RuleRunner(st, s.rules(), s.macros(), s.log(), fetcher, s.discovery(), account);
        this.publisher = new StatusPublisher(new ProvisioningStatus(
                Params.enabled(st) ? ProvisioningStatus.State.IDLE : ProvisioningStatus.State.DISABLED, null, null, null, 0));
        this.scheduler = new ResyncScheduler(s, executor, new ResyncPolicy(random),
                new AttemptRunner(st, s.clock(), s.macros(), rules), history, publisher);
    }

    private static char[] ikm(ParameterStore store) {
        String v = Params.get(store, "IKM_HTTP_Encrypt_Content");
        return v == null || v.isEmpty() ? null : v.toCharArray();
    }

    /** Power-on: plans the power-up resync. A command run ({@code mppfw -c}) does not call it. */
    public void powerUp() {
        executor.execute(scheduler::powerUp);
    }

    /** Stops the schedule; the owner then stops the executor. */
    public void stop() {
        executor.execute(scheduler::stop);
    }

    public void addListener(ProvisioningListener l) {
        publisher.add(l);
    }

    public void removeListener(ProvisioningListener l) {
        publisher.remove(l);
    }

    @Override
    public ProvisioningStatus status() {
        return publisher.status();
    }

    @Override
    public List<ResyncRecord> history() {
        return history.list();
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
        account.set(user, password);
    }

    private boolean explicit(String rule) {
        if (!Params.enabled(store)) {
            LOG.info("resync refused: Provision_Enable is No");
            return false;
        }
        executor.execute(() -> scheduler.explicit(rule));
        return true;
    }

    /** {@code Provision_Enable} changed. */
    @Override
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        executor.execute(scheduler::enableChanged);
    }
}
