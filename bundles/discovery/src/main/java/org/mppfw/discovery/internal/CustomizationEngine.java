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
 * CDA retry:  GDS-Pending --> Pending               Custom Pending --> Pending
 * </pre>
 * Until a final state (Acquired, Aborted, GDS-Acquired) the activation server is asked again in
 * the background, with an exponential back-off: the first item of {@code Resync_Error_Retry_Delay}
 * (60 s by default; 60 s when it is 0), doubled each time, at most a day. The first query that
 * gives no URL moves the phone to the activation-code screen ({@code Profile_Rule} {@code gds://},
 * GDS-Pending) when {@code Webex_Onboard_Enable} is Yes, and leaves the idle (empty) screen when
 * it is No; the retries go on either way. A final state is kept in the data dir and ends every
 * query until a factory reset.
 *
 * <p>The activation servers' protocols are not public; the phone speaks these, which the lab
 * server emulates: {@code GET <Activation_Server_URL>/cda/<MAC>?pn=<PN>&sn=<SN>} answers 200
 * with a provisioning URL (or a {@code <flat-profile>} holding {@code Profile_Rule}), 200 with an
 * empty body for "no service provider", anything else is an error to retry. A 16-digit code goes
 * to the onboarding service, {@code GET <Onboarding_Server_URL>/activate?code=<code>&mac=<MAC>&pn=<PN>};
 * a short code ({@code #} and 3 to 16 digits, a CDA redirection profile) to the activation server,
 * {@code GET <Activation_Server_URL>/activate?code=...}: 200 with the provisioning URL, or 403/404
 * for a refused code.
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

    // worker-thread state
    private volatile CustomizationState state;
    private volatile String reason = "";
    private final Backoff backoff = new Backoff(FIRST_RETRY, MAX_RETRY);
    private Clock.Timer retry;
    private int retries;
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
            case OPEN, PENDING, UNAVAILABLE -> {
                if (ok && gds()) {
                    // a bootstrap profile that sets gds:// asks for activation-code onboarding
                    move(CustomizationState.GDS_PENDING, "the profile from " + r.url() + " set Profile_Rule to gds://");
                    retryInBackground();
                } else if (ok) {
                    move(CustomizationState.ABORTED, "provisioned from " + r.url() + " before remote customization");
                } else if (state == CustomizationState.OPEN && enabled.getAsBoolean()) {
                    move(CustomizationState.PENDING, "no provisioning from DHCP or DNS SRV (" + r.message() + ")");
                    query();
                }
            }
            case CUSTOM_PENDING -> {
                if (ok) {
                    move(CustomizationState.ACQUIRED, "provisioned from " + r.url());
                } else {
                    move(CustomizationState.PENDING, "the resync from the activation server's URL failed: " + r.message());
                    later();
                }
            }
            case GDS_PENDING -> {
                if (ok && !gds()) {
                    move(CustomizationState.GDS_ACQUIRED, "onboarded from " + r.url());
                }
            }
            default -> {
                // final states do not change
            }
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
            String rule = param("Profile_Rule").strip();
            if (source != ChangeSource.ADMIN && source != ChangeSource.USER) {
                // a profile (or an ACS) set the rule: only gds:// changes the state here, the resync result does the rest
                if (GDS.equalsIgnoreCase(rule)) {
                    move(CustomizationState.GDS_PENDING, "a profile set Profile_Rule to gds://: waiting for an activation code");
                    retryInBackground();
                }
                return;
            }
            if (GDS.equalsIgnoreCase(rule)) {
                move(CustomizationState.GDS_PENDING, "Profile_Rule set to gds://: waiting for an activation code");
                retryInBackground();
            } else {
                cancelRetry();
                move(CustomizationState.ABORTED, "Profile_Rule set by hand (" + source.name().toLowerCase(Locale.ROOT) + ")");
            }
        });
    }

    private void factoryReset() {
        cancelRetry();
        retries = 0;
        try {
            stateFile.delete();
        } catch (IOException e) {
            LOG.warn("Customization: could not forget the state: {}", e.getMessage());
        }
        state = CustomizationState.OPEN;
        reason = "factory reset";
        LOG.info("Customization: Open after a factory reset");
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

    /** No URL: asked again later; the first time, with Webex_Onboard_Enable Yes, on the activation-code screen. */
    private void noUrl(CustomizationState to, String why) {
        if (retries == 0 && !gds() && Params.yes(param("Webex_Onboard_Enable"))) {
            try {
                store.set("Profile_Rule", GDS, ChangeSource.SYSTEM);
                move(CustomizationState.GDS_PENDING, why + "; activation-code screen, the activation server is asked again");
                later();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("Customization: could not show the activation-code screen: {}", e.getMessage());
            }
        }
        move(to, why);
        later();
    }

    @Override
    public String activate(String code) throws DiscoveryException {
        // 16 digits, or # and 3 to 16 digits; IllegalArgumentException otherwise
        ActivationCode parsed = ActivationCode.parse(code == null ? "" : code.strip());
        String c = parsed.toString();
        String service;
        if (parsed.isShort()) {
            // a short code names a CDA redirection profile: Cisco's activation server
            service = "Activation_Server_URL";
        } else if (Params.yes(param("Webex_Onboard_Enable"))) {
            // a 16-digit code onboards the phone to the Webex cloud: the onboarding service
            service = "Onboarding_Server_URL";
        } else {
            throw new DiscoveryException("16-digit activation codes onboard to Webex, which Webex_Onboard_Enable = No turns off");
        }
        URI uri;
        try {
            uri = ActivationServer.code(param(service), c, identity);
        } catch (IllegalArgumentException e) {
            throw new DiscoveryException(service + " is not a URL: " + e.getMessage(), e);
        }
        String url = ActivationServer.provisioningUrl(server.get(uri));
        if (url.isEmpty()) {
            throw new DiscoveryException("the activation server gave no provisioning URL for this code");
        }
        try {
            store.set("Profile_Rule", url, ChangeSource.SYSTEM);
        } catch (IOException | RuntimeException e) {
            throw new DiscoveryException("the provisioning URL for this code was refused: " + e.getMessage(), e);
        }
        worker.execute(() -> {
            if (!state.isFinal()) {
                cancelRetry();
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
            cancelRetry();
            stateFile.save(to);
        }
    }
}
