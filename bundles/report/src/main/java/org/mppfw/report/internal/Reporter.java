package org.mppfw.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.provisioning.ProvisioningUrl;
import org.mppfw.api.provisioning.RuleDecision;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleSyntaxException;
import org.mppfw.api.report.ReportOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what {@code Report_Rule} asks for: the whole configuration (as {@code param:export} writes
 * it, secrets masked), with {@code --delta} only the parameters changed since the {@link Baseline},
 * with {@code --status} the {@link StatusReport} instead (it wins over {@code --delta}). Each target
 * of the rule ({@link ReportTargets}) is evaluated with the phone's macros as a {@code REPORT} rule,
 * its assignments applied first, as a profile rule's are; then the body goes out through {@link Upload}
 * as {@code application/xml}.
 */
final class Reporter {

    private static final Logger LOG = LoggerFactory.getLogger(Reporter.class);

    static final String CONTENT_TYPE = "application/xml";

    /** What the reporter reads. */
    record Services(ParameterStore store, ProvisioningRules rules, Supplier<MacroSource> macros, Upload upload,
            Baseline baseline, Function<String, StatusReport.Inputs> status) {
    }

    private final Services s;

    Reporter(Services services) {
        this.s = services;
    }

    /** Sends to each target of {@code rule} ({@code Report_Rule} when null), in order. */
    List<ReportOutcome> report(String rule) {
        String text = rule != null ? rule : s.store().get("Report_Rule");
        List<ReportOutcome> out = new ArrayList<>();
        List<String> targets = ReportTargets.split(text);
        for (int i = 0; i < targets.size(); i++) {
            ReportOutcome o = reportTo(targets.get(i), "Report_Rule target " + (i + 1));
            if (o != null) {
                if (o.sent()) {
                    LOG.info("report {}", o);
                } else {
                    LOG.warn("report {}", o);
                }
                out.add(o);
            }
        }
        return out;
    }

    private ReportOutcome reportTo(String rule, String name) {
        RuleDecision d;
        try {
            d = s.rules().evaluate(rule, RuleKind.REPORT, s.macros().get());
        } catch (RuleSyntaxException | RuleEvaluationException e) {
            return new ReportOutcome(name, false, e.getMessage());
        }
        if (d.nothingToDo()) {
            LOG.debug("{}: {}", name, d);
            return null;
        }
        ProvisioningUrl url = d.url();
        char[] ikm = s.store().get("IKM_HTTP_Encrypt_Content").toCharArray();
        try {
            if (!d.assignments().isEmpty()) {
                s.store().setAll(d.assignments(), ChangeSource.SYSTEM);
            }
            Upload.Body body = new Upload.Body(body(d.options().status(), d.options().delta()), CONTENT_TYPE);
            String method = url.scheme() == ProvisioningUrl.Scheme.TFTP ? "PUT" : s.store().get("HTTP_Report_Method");
            return s.upload().send(url, d.options(), ikm, method, Map.of(), body);
        } catch (IOException | RuntimeException e) {
            return new ReportOutcome(url.toString(), false, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            java.util.Arrays.fill(ikm, '\0');
        }
    }

    /** The report's body: status, delta or the whole configuration. */
    byte[] body(boolean status, boolean delta) throws IOException {
        if (status) {
            return StatusReport.write(s.status().apply(configHash()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        if (delta) {
            Set<String> changed = s.baseline().changed(s.store().values());
            s.store().exportProfile(out, changed::contains);
        } else {
            s.store().exportProfile(out);
        }
        return out.toByteArray();
    }

    /**
     * The applied-configuration hash: SHA-256 (hex) of the configuration as {@code param:export}
     * writes it, secrets masked; it changes whenever a parameter that is not a secret changes.
     */
    String configHash() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        s.store().exportProfile(out);
        return Baseline.hash(out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Takes the current configuration as the delta baseline. */
    void moveBaseline(int boot, String firmware) {
        try {
            s.baseline().reset(s.store().values(), boot, firmware);
        } catch (IOException e) {
            LOG.warn("report baseline not written: {}", e.getMessage());
        }
    }

    /** At start: a baseline from another boot or firmware (a reboot, an upgrade) is moved. */
    void start(int boot, String firmware) {
        if (s.baseline().staleFor(boot, firmware)) {
            moveBaseline(boot, firmware);
        }
    }
}
