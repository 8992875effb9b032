package org.mppfw.provisioning.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.provisioning.ProvisioningUrl;
import org.mppfw.api.provisioning.RuleDecision;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleSyntaxException;
import org.mppfw.api.service.ServiceSlot;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.provisioning.internal.fetch.Attempt;
import org.mppfw.provisioning.internal.fetch.FetchPlan;
import org.mppfw.provisioning.internal.fetch.ProfileFetcher;
import org.mppfw.provisioning.internal.syslog.SyslogSender.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one profile rule of an attempt: evaluates it with the phone's macros and the attempt's
 * values over them (so a file applied by an earlier rule counts), applies its assignments before
 * its download, picks the servers ({@link ServerChoice}), fetches, decodes and applies the profile
 * ({@link ProfileFetcher}) with the rule's key, credentials ({@link ProfileAccount}) and
 * {@code --post} body, and sends {@code Log_Request_Msg}, {@code Log_Success_Msg} or
 * {@code Log_Failure_Msg}. A {@code gds://} rule and a rule that selects nothing have nothing to do.
 */
final class RuleRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RuleRunner.class);

    private final ParameterStore store;
    private final ProvisioningRules rules;
    private final PhoneMacros phoneMacros;
    private final LogLines log;
    private final ProfileFetcher fetcher;
    private final ServiceSlot<Discovery> discovery;
    private final ProfileAccount account;

    RuleRunner(ParameterStore store, ProvisioningRules rules, PhoneMacros macros, LogLines log, ProfileFetcher fetcher,
            ServiceSlot<Discovery> discovery, ProfileAccount account) {
        this.store = store;
        this.rules = rules;
        this.phoneMacros = macros;
        this.log = log;
        this.fetcher = fetcher;
        this.discovery = discovery;
        this.account = account;
    }

    /**
     * Evaluates and runs one rule.
     *
     * @param event    the attempt's macro values; the URL's and the result's are put in it
     * @param changed  where the parameters it changed are added
     * @param rejected where the profile elements refused are added
     * @return what it did, or null when it had nothing to do
     */
    Step run(String name, String text, Map<String, String> event, List<String> changed, List<String> rejected) {
        RuleDecision decision;
        try {
            decision = rules.evaluate(text, RuleKind.PROFILE, macros(event));
        } catch (RuleSyntaxException | RuleEvaluationException e) {
            return fail(name, "", ResultClass.C, name + ": " + e.getMessage(), event, null);
        }
        if (!decision.assignments().isEmpty()) {
            try {
                store.setAll(decision.assignments(), ChangeSource.SYSTEM);
                decision.assignments().keySet().forEach(changed::add);
            } catch (IOException | RuntimeException e) {
                return fail(name, "", ResultClass.C, name + ": assignments refused: " + e.getMessage(), event, null);
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
            candidates = ServerChoice.candidates(url, decision.options().srv(), discovery.get().orElse(null),
                    t -> rules.expand(t, macros(event)));
        } catch (ServerChoice.NoServer e) {
            String message = name + ": " + e.getMessage() + (e.nowhereToLook ? ": " + setServerHint(name) : "");
            return fail(name, url.toString(), ResultClass.C, message, event, null);
        }
        if (candidates.via() != null) {
            LOG.info("{}: server from {}: {}", name, candidates.via(), candidates.uris());
        }
        Step last = null;
        for (URI uri : candidates.uris()) {
            last = fetch(name, uri, candidates.tlsName(), decision, event, changed, rejected);
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
    private Step fetch(String name, URI uri, String tlsName, RuleDecision decision, Map<String, String> event,
            List<String> changed, List<String> rejected) {
        UrlMacros.put(uri, event);
        event.remove("ERR");
        log.send("Log_Request_Msg", Severity.INFO, macros(event));
        FetchPlan plan = new FetchPlan(uri, decision.options().key() == null ? null : decision.options().key().toCharArray(),
                account.credentials(decision.options()), postBody(decision, event),
                "https".equals(uri.getScheme()) ? tlsName : null);
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
        if (attempt.success() || (attempt.fileNotFound() && !Params.schedule(store).failsOnFileNotFound())) {
            event.put("ERR", attempt.message());
            log.send("Log_Success_Msg", Severity.INFO, macros(event));
            return new Step(true, ResultClass.A, attempt.url(), name + ": " + attempt.message(), attempt);
        }
        return fail(name, attempt.url(), attempt.resultClass(), name + ": " + attempt.message(), event, attempt);
    }

    private Step fail(String name, String url, ResultClass c, String message, Map<String, String> event, Attempt attempt) {
        event.put("ERR", message);
        log.send("Log_Failure_Msg", Severity.NOTICE, macros(event));
        return new Step(false, c, url, message, attempt);
    }

    /**
     * What to do when a rule names no server and the phone looks for none (the factory
     * {@code /$PSN.xml} with discovery off): give the rule a server, or turn discovery on.
     */
    static String setServerHint(String rule) {
        return "set a full URL (param:set " + rule + " http://server/$PSN.xml) or turn discovery on ("
                + DISCOVERY_MODE + "=dhcp)";
    }

    /** The framework property that turns discovery on (docs/discovery.md). */
    static final String DISCOVERY_MODE = "mppfw.discovery.mode";

    /** The body of {@code --post c}: the GPP register's value, its macros expanded. */
    private byte[] postBody(RuleDecision d, Map<String, String> event) {
        char reg = d.options().post();
        if (reg == 0) {
            return null;
        }
        String gpp = Params.get(store, "GPP_" + Character.toUpperCase(reg));
        return rules.expand(gpp == null ? "" : gpp, macros(event)).getBytes(StandardCharsets.UTF_8);
    }

    /** The phone's macros now, with the attempt's values over them. */
    private MacroSource macros(Map<String, String> event) {
        return phoneMacros.now().with(event);
    }
}
