package org.mppfw.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.provisioning.ProvisioningUrl;
import org.mppfw.api.provisioning.RuleDecision;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleOptions;
import org.mppfw.api.provisioning.RuleSyntaxException;
import org.mppfw.api.transport.AccessDomains;
import org.mppfw.api.transport.Credentials;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.mppfw.api.transport.Transports;
import org.mppfw.layout.Durable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Custom_CA_Rule}: the CA the phone trusts beside its built-in roots, kept in the data dir.
 * The rule is a profile rule (the reference: "same URL syntax"): it is evaluated by the phone's
 * {@link ProvisioningRules} service with the macros of its {@link PhoneMacros} service, so
 * conditions, assignments, bracketed options and macros ({@code $MA}, {@code $SA..$SD} in the
 * options) mean what they mean in {@code Profile_Rule}; the file is fetched through the
 * transport of its scheme ({@code tftp}, {@code http}, {@code https}) from the phone's
 * {@link Transports} table, within {@code Restricted_Access_Domains}.
 *
 * <p>Of the options, {@code --uid} and {@code --pwd} answer the server's challenge; the others
 * ({@code --key}, {@code --srv}, {@code --post}, {@code --alias}) and a URL without a server (the
 * DHCP option 66 server) are refused with a clear status: nothing documents them for this rule.
 */
final class CustomCa {

    /** The largest CA file accepted. */
    static final long MAX_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(CustomCa.class);

    /** What a fetch uses, read when it starts (the services are dynamic). */
    interface Phone {
        /** The value of a parameter, or empty for none. */
        String param(String name);

        Optional<ProvisioningRules> rules();

        Optional<PhoneMacros> macros();

        Transports transports();

        /** Applies the assignments of the alternative the rule picked. */
        void assign(Map<String, String> assignments) throws IOException;
    }

    private final Path file;
    private volatile String status = "no custom CA";
    /** The value of {@code Custom_CA_Rule} last acted on (the CA fetched, or none for empty). */
    private volatile String actedOn;

    CustomCa(Path file) {
        this.file = file;
    }

    /** Where the CA is kept. */
    Path file() {
        return file;
    }

    /** The status shown by {@code http:ca}. */
    String status() {
        return status;
    }

    /** Whether the CA is the one {@code rule} names (or the rule was acted on and failed for good). */
    boolean current(String rule) {
        return rule.equals(actedOn);
    }

    /**
     * Fetches the CA the rule names, unless that was done already for this rule.
     *
     * @param stopped whether the phone stops: a transfer cut short then is not a failure
     */
    void refresh(Phone phone, BooleanSupplier stopped) {
        String rule = phone.param(ParameterNames.CUSTOM_CA_RULE).trim();
        if (current(rule)) {
            return;
        }
        if (rule.isEmpty()) {
            actedOn = rule;
            return;
        }
        Optional<ProvisioningRules> rules = phone.rules();
        Optional<PhoneMacros> macros = phone.macros();
        if (rules.isEmpty() || macros.isEmpty()) {
            // fetched when the service comes (its binding starts a refresh)
            status = "Custom_CA_Rule waits for the " + (rules.isEmpty() ? "provisioning rule" : "macro") + " service";
            LOG.info("{}", status);
            return;
        }
        try {
            RuleDecision d = rules.get().evaluate(rule, RuleKind.PROFILE, macros.get().now());
            phone.assign(d.assignments());
            if (d.nothingToDo()) {
                status = "Custom_CA_Rule picks no file now (" + d.reason() + "); a CA installed before stays";
                actedOn = rule;
                return;
            }
            URI uri = uri(d);
            byte[] pem = fetch(uri, d.options(), phone.transports(),
                    AccessDomains.parse(phone.param(ParameterNames.RESTRICTED_ACCESS_DOMAINS)));
            Durable.save(file, pem);
            status = "Last provisioning succeeded on " + Instant.now();
            actedOn = rule;
            LOG.info("custom CA installed from {}", uri);
        } catch (RuleSyntaxException | RuleEvaluationException e) {
            status = "Last provisioning failed on " + Instant.now() + ": Custom_CA_Rule: " + e.getMessage();
            actedOn = rule; // a broken rule is not tried again until it changes
            LOG.warn("custom CA not installed: Custom_CA_Rule: {}", e.getMessage());
        } catch (IOException | CertificateException e) {
            if (stopped.getAsBoolean()) {
                // the phone stops (a command run ends): not a failure; the next run fetches it again
                LOG.debug("custom CA: cut short by the stop");
                return;
            }
            status = "Last provisioning failed on " + Instant.now() + ": " + e.getMessage();
            LOG.warn("custom CA from Custom_CA_Rule not installed: {}", e.getMessage());
        }
    }

    /** The URL of the chosen alternative; refuses what this rule cannot use. */
    private static URI uri(RuleDecision d) throws TransportException {
        ProvisioningUrl u = d.url();
        RuleOptions o = d.options();
        String refused = u.scheme() == ProvisioningUrl.Scheme.GDS ? "gds:// is for Profile_Rule only"
                : u.hostFromDhcp() ? "the URL must name its server" : o.key() != null ? "--key is not supported"
                : o.srv() ? "--srv is not supported" : o.post() != 0 ? "--post is not supported"
                : o.alias() != 0 ? "--alias is not supported" : null;
        if (refused != null) {
            throw new TransportException(ResultClass.C, "Custom_CA_Rule: " + refused);
        }
        return URI.create(u.toString());
    }

    /** Downloads and checks the CA file (it must hold a CA certificate). */
    static byte[] fetch(URI uri, RuleOptions options, Transports transports, AccessDomains allowed)
            throws IOException, CertificateException {
        Credentials creds = options.uid() == null ? null
                : new Credentials(options.uid(), options.pwd() == null ? new char[0] : options.pwd().toCharArray());
        TransportRequest req = TransportRequest.builder(uri).maxBytes(MAX_BYTES).credentials(creds)
                .allowedDomains(allowed).build();
        byte[] pem;
        try (TransportResponse r = transports.forUri(uri).exchange(req); InputStream in = r.body()) {
            pem = in.readAllBytes();
        } finally {
            if (creds != null) {
                creds.wipe();
            }
        }
        TlsMaterial.parseCaCertificates(pem);
        return pem;
    }
}
