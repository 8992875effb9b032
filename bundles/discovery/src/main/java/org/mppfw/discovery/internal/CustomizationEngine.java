package org.mppfw.discovery.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.discovery.ActivationCode;
import org.mppfw.api.discovery.ActivationCodeListener;
import org.mppfw.api.discovery.CustomizationListener;
import org.mppfw.api.discovery.CustomizationState;
import org.mppfw.api.discovery.DiscoveryException;
import org.mppfw.api.discovery.RemoteCustomization;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningListener;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.service.ServiceSlot;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.Transports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote customization (EDOS/CDA) and activation codes, with the reference's transitions and the
 * CDA retry of firmware 12.0(3):
 * <pre>
 * Open --resync OK (DHCP, SRV)--> Aborted          Open --manual Profile_Rule (web, keypad, shell)--> Aborted
 * Open --resync failed--> Pending --redirect--> Custom Pending --resync OK--> Acquired
 * Pending --200, empty body--> Unavailable         Custom Pending --resync failed--> Pending
 * Profile_Rule gds:// --> GDS-Pending --code accepted, resync OK--> GDS-Acquired
 * Pending --first query, no URL, Webex onboarding--> GDS-Pending (screen) --resync OK (DHCP, SRV)--> Aborted
 * CDA retry:  GDS-Pending --> Pending               Custom Pending --> Pending
 * </pre>
 * Until a final state (Acquired, Aborted, GDS-Acquired, kept in the data dir until a factory
 * reset) the activation server is asked again in the background, with an exponential back-off:
 * the first item of {@code Resync_Error_Retry_Delay} (60 s by default; 60 s when it is 0), doubled
 * each time, at most a day. The first query that gives no URL puts the phone on the
 * activation-code screen (GDS-Pending) when {@code Webex_Onboard_Enable} is Yes, and leaves the
 * idle screen when it is No; the retries go on either way. The screen is the engine's offer, told
 * to the {@link CustomizationListener}s, and stays through the retries: {@code Profile_Rule} keeps
 * its factory {@code /$PSN.xml}, so the resyncs go on asking the servers DHCP gives. A code typed
 * on it sets {@code Profile_Rule} to the URL it gets ({@link ActivationServer} speaks to the servers).
 *
 * <p>A plain object: its work runs on the serial executor it is given, its back-off on the
 * {@link Clock}; it starts no thread of its own. The phone's component gives it one
 * ({@link CustomizationComponent}) and keeps its transport table and provisioning slot current; a
 * test gives it a direct executor and a virtual clock.
 */
final class CustomizationEngine implements RemoteCustomization, ProvisioningListener, ParameterListener,
        ActivationCodeListener {

    /** The first back-off when {@code Resync_Error_Retry_Delay} gives none. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(60);
    static final Duration MAX_RETRY = Duration.ofDays(1);
    static final String GDS = "gds://";
    private static final Logger LOG = LoggerFactory.getLogger(CustomizationEngine.class);

    private final Clock clock;
    private final ParameterStore store;
    private final DeviceIdentity identity;
    private final StateFile stateFile;
    private final BooleanSupplier enabled;
    private final Executor worker;
    private final ActivationServer server;
    private final ServiceSlot<Provisioning> provisioning;
    private final CustomizationEvents events = new CustomizationEvents();

    // worker-thread state
    private volatile CustomizationState state;
    private volatile String reason = "";
    private final Backoff backoff = new Backoff(FIRST_RETRY, MAX_RETRY);
    private Clock.Timer retry;
    private int retries;
    /** The engine offers the activation-code screen (a factory rule, no URL from the server, no code yet). */
    private boolean offered;
    private Instant lastResyncSeen;
    private boolean stopped;

    /**
     * Loads the kept state; a final one ends every query until a factory reset.
     *
     * @param enabled      whether the phone discovers its server at all (discovery mode other than
     *                     off); when it does not, the activation server is never asked on its own
     * @param transports   the phone's transports, for the activation server
     * @param provisioning the resync engine, asked for a resync once the server gave a URL (none: no resync)
     * @param worker       runs the work, one task at a time, in order
     */
    CustomizationEngine(Clock clock, ParameterStore store, DeviceIdentity identity, Path stateFile, BooleanSupplier enabled,
            Transports transports, ServiceSlot<Provisioning> provisioning, Executor worker) {
        this.clock = clock;
        this.store = store;
        this.identity = identity;
        this.stateFile = new StateFile(stateFile);
        this.enabled = enabled;
        this.server = new ActivationServer(transports);
        this.provisioning = provisioning;
        this.worker = worker;
        this.state = this.stateFile.load();
        if (state.isFinal()) {
            reason = "final: the activation server is not asked again until a factory reset";
        } else if (gds()) {
            move(CustomizationState.GDS_PENDING, "Profile_Rule is gds://: waiting for an activation code");
            retryInBackground();
        }
    }

    /** Cancels the retry and ends the work; the owner then stops the executor. */
    void stop() {
        worker.execute(() -> {
            stopped = true;
            cancelRetry();
        });
    }

    /** Tells {@code l} the current values, then every change (on the executor, in order). */
    void addListener(CustomizationListener l) {
        worker.execute(() -> events.add(l, state, awaitsCode()));
    }

    void removeListener(CustomizationListener l) {
        events.remove(l);
    }

    @Override
    public CustomizationState state() {
        return state;
    }

    @Override
    public String reason() {
        return reason;
    }

    // ---- events -----------------------------------------------------------------------------

    @Override
    public void statusChanged(ProvisioningStatus status) {
        status.lastAttempt().ifPresent(r -> worker.execute(() -> resyncEnded(r)));
    }

    private void resyncEnded(ResyncRecord r) {
        if (stopped || r.ended().equals(lastResyncSeen)) {
            return;
        }
        lastResyncSeen = r.ended();
        boolean ok = r.result() == ResultClass.A && r.url() != null && !r.url().isEmpty() && !r.url().equals("-");
        switch (state) {
            case OPEN, PENDING, UNAVAILABLE -> notCustomized(r, ok);
            case CUSTOM_PENDING -> {
                if (ok) {
                    move(CustomizationState.ACQUIRED, "provisioned from " + r.url());
                } else {
                    move(CustomizationState.PENDING, "the resync from the activation server's URL failed: " + r.message());
                    later();
                }
            }
            case GDS_PENDING -> {
                if (offered) {
                    // the engine's activation-code screen, with the factory rule: DHCP may still provision the phone
                    notCustomized(r, ok);
                } else if (ok && !gds()) {
                    move(CustomizationState.GDS_ACQUIRED, "onboarded from " + r.url());
                }
            }
            default -> {
                // final states do not change
            }
        }
    }

    /** A resync ended before the activation server or a code gave a URL. */
    private void notCustomized(ResyncRecord r, boolean ok) {
        if (ok && gds()) {
            // a bootstrap profile that sets gds:// asks for activation-code onboarding
            offered = false;
            move(CustomizationState.GDS_PENDING, "the profile from " + r.url() + " set Profile_Rule to gds://");
            retryInBackground();
        } else if (ok) {
            move(CustomizationState.ABORTED, "provisioned from " + r.url() + " before remote customization");
        } else if (state == CustomizationState.OPEN && enabled.getAsBoolean()) {
            move(CustomizationState.PENDING, "no provisioning from DHCP or DNS SRV (" + r.message() + ")");
            query();
        }
    }

    @Override
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        worker.execute(() -> {
            if (source == ChangeSource.FACTORY_RESET) {
                factoryReset();
                return;
            }
            // every change comes here (a factory reset must be seen even when Profile_Rule kept its default)
            if (state.isFinal() || source == ChangeSource.SYSTEM
                    || changes.stream().noneMatch(c -> c.name().equals("Profile_Rule"))) {
                return;
            }
            // by hand: gds:// or Aborted; by a profile (or an ACS) only gds:// counts here, the resync result does the rest
            boolean byHand = source == ChangeSource.ADMIN || source == ChangeSource.USER;
            if (gds()) {
                // the provider's gds://: the screen is the rule's from now on
                offered = false;
                move(CustomizationState.GDS_PENDING, (byHand ? "Profile_Rule set" : "a profile set Profile_Rule")
                        + " to gds://: waiting for an activation code");
                retryInBackground();
            } else if (byHand) {
                cancelRetry();
                move(CustomizationState.ABORTED, "Profile_Rule set by hand (" + source.name().toLowerCase(Locale.ROOT) + ")");
            }
        });
    }

    private void factoryReset() {
        cancelRetry();
        retries = 0;
        offered = false;
        try {
            stateFile.delete();
        } catch (IOException e) {
            LOG.warn("Customization: could not forget the state: {}", e.getMessage());
        }
        state = CustomizationState.OPEN;
        reason = "factory reset";
        LOG.info("Customization: Open after a factory reset");
        events.changed(state, awaitsCode());
    }

    // ---- the activation server ----------------------------------------------------------------

    /** The retry timer ran out: CDA retry (GDS-Pending, Custom Pending and Unavailable become Pending). */
    private void retryNow() {
        retry = null;
        if (stopped || state.isFinal()) {
            return;
        }
        if (state != CustomizationState.PENDING) {
            move(CustomizationState.PENDING, "CDA retry: asking the activation server again");
        }
        query();
    }

    /** Asks the activation server now (Pending, Unavailable). */
    private void query() {
        if (stopped || state.isFinal()) {
            return;
        }
        URI uri;
        try {
            uri = ActivationServer.cda(param("Activation_Server_URL"), identity);
        } catch (IllegalArgumentException e) {
            noUrl(CustomizationState.PENDING, "Activation_Server_URL is not a URL: " + e.getMessage());
            return;
        }
        String body;
        try {
            body = server.get(uri);
        } catch (DiscoveryException e) {
            noUrl(CustomizationState.PENDING, e.getMessage());
            return;
        }
        String url = ActivationServer.provisioningUrl(body);
        if (url.isEmpty()) {
            noUrl(CustomizationState.UNAVAILABLE, "the activation server knows no service provider for this phone");
            return;
        }
        cancelRetry();
        offered = false;
        try {
            store.set("Profile_Rule", url, ChangeSource.SYSTEM);
        } catch (IOException | RuntimeException e) {
            move(CustomizationState.PENDING, "the activation server's URL was refused: " + e.getMessage());
            later();
            return;
        }
        move(CustomizationState.CUSTOM_PENDING, "redirected to " + url);
        provisioning.get().ifPresent(Provisioning::resync);
    }

    /**
     * No URL: asked again later; the first time, with Webex_Onboard_Enable Yes, on the
     * activation-code screen, which stays through the retries. {@code Profile_Rule} is left as it
     * is: the resyncs go on trying the servers DHCP gives.
     */
    private void noUrl(CustomizationState to, String why) {
        if (retries == 0 && !gds() && Params.yes(param("Webex_Onboard_Enable"))) {
            offered = true;
            move(CustomizationState.GDS_PENDING, why + "; activation-code screen, the activation server is asked again");
        } else {
            move(to, why);
        }
        later();
    }

    @Override
    public String activate(String code) throws DiscoveryException {
        // 16 digits, or # and 3 to 16 digits; IllegalArgumentException otherwise
        String url = server.activate(ActivationCode.parse(code == null ? "" : code.strip()), store, identity);
        try {
            store.set("Profile_Rule", url, ChangeSource.SYSTEM);
        } catch (IOException | RuntimeException e) {
            throw new DiscoveryException("the provisioning URL for this code was refused: " + e.getMessage(), e);
        }
        worker.execute(() -> {
            if (!state.isFinal()) {
                cancelRetry();
                offered = false;
                move(CustomizationState.GDS_PENDING, "activation code accepted: resync from " + url);
            }
        });
        provisioning.get().ifPresent(Provisioning::resync);
        return url;
    }

    /** A code typed on the activation-code screen: sent from the engine's executor, never the keypad's thread. */
    @Override
    public void activationCodeEntered(ActivationCode code) {
        worker.execute(() -> {
            try {
                activate(code.toString());
            } catch (DiscoveryException | IllegalArgumentException e) {
                reason = "activation code refused: " + e.getMessage();
                LOG.warn("Customization: activation code ({}) refused: {}", code.isShort() ? "short code" : "16 digits",
                        e.getMessage());
            }
        });
    }

    private String param(String name) {
        return Params.get(store, name);
    }

    private boolean gds() {
        return GDS.equalsIgnoreCase(param("Profile_Rule").strip());
    }

    /** Whether the phone shows the activation-code screen: {@code gds://}, or the engine's offer. */
    private boolean awaitsCode() {
        return !state.isFinal() && (offered || gds());
    }

    // ---- state and retry --------------------------------------------------------------------

    /** Asks the activation server again after the next back-off. */
    private void later() {
        if (stopped || state.isFinal()) {
            return;
        }
        cancelRetry();
        if (retries++ == 0) {
            backoff.reset(Backoff.firstItem(param("Resync_Error_Retry_Delay"), FIRST_RETRY, MAX_RETRY));
        }
        Duration wait = backoff.next();
        reason = reason + "; next query in " + wait.toSeconds() + " s";
        retry = clock.schedule(wait, () -> worker.execute(this::retryNow));
    }

    /** GDS-Pending: the CDA retry runs in the background when discovery is on, unless it already does. */
    private void retryInBackground() {
        if (retry == null && enabled.getAsBoolean()) {
            later();
        }
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
    }

    private void move(CustomizationState to, String why) {
        CustomizationState from = state;
        state = to;
        reason = why;
        if (from != to) {
            LOG.info("Customization: {} -> {}: {}", from == null ? "-" : from.label(), to.label(), why);
        }
        if (to.isFinal()) {
            offered = false;
            cancelRetry();
            stateFile.save(to);
        }
        events.changed(to, awaitsCode());
    }
}
