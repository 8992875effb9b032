package org.mppfw.provisioning.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.ProvisioningUrl;
import org.mppfw.api.provisioning.ProvisioningUrl.Scheme;
import org.mppfw.api.provisioning.RuleDecision;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.api.provisioning.RuleOptions;
import org.mppfw.provisioning.internal.Rule.Alternative;
import org.mppfw.provisioning.internal.Rule.Assignment;
import org.mppfw.provisioning.internal.UrlResolver.UrlException;

/**
 * Chooses an alternative and resolves it. The alternatives are tried left to right; the first
 * whose condition holds, or that has none, is chosen. Its assignments are expanded in the order
 * written, each seeing the ones before it, and the options and the URL see them all (they run
 * before the download). Secrets are expanded only in {@code --key}, {@code --uid},
 * {@code --pwd}.
 */
final class RuleEvaluator {

    private RuleEvaluator() {
    }

    static RuleDecision evaluate(Rule rule, MacroSource macros) throws RuleEvaluationException {
        if (rule.gds()) {
            return new RuleDecision(0, Map.of(), RuleOptions.NONE, ProvisioningUrl.GDS, null);
        }
        if (rule.alternatives().isEmpty()) {
            return RuleDecision.nothing("the rule is empty");
        }
        for (int i = 0; i < rule.alternatives().size(); i++) {
            Alternative a = rule.alternatives().get(i);
            if (a.condition() == null || ConditionEvaluator.test(a.condition(), macros)) {
                return chosen(i, a, rule, macros);
            }
        }
        return RuleDecision.nothing("no condition holds");
    }

    private static RuleDecision chosen(int index, Alternative a, Rule rule, MacroSource macros)
            throws RuleEvaluationException {
        Map<String, String> assigned = new LinkedHashMap<>();
        Map<String, String> overlay = new HashMap<>();
        MacroSource current = macros;
        for (Assignment x : a.assignments()) {
            String value = MacroExpander.expand(x.value(), current, false);
            assigned.put(x.parameter(), value);
            String macro = Macros.forParameter(x.parameter());
            if (macro != null) {
                overlay.put(macro, value);
                current = macros.with(overlay);
            }
        }
        Rule.Options o = a.options();
        RuleOptions options = new RuleOptions(secret(o.key(), current), secret(o.uid(), current),
                secret(o.pwd(), current), o.srv(), o.post(), o.alias(), o.delta(), o.status(),
                o.uid() != null && mentionsSecret(o.uid()));
        if (a.url().isEmpty()) {
            return new RuleDecision(index, assigned, options, null,
                    "alternative " + (index + 1) + " has no URL");
        }
        String url = MacroExpander.expand(a.url(), current, false).strip();
        if (url.isEmpty()) {
            return new RuleDecision(index, assigned, options, null,
                    "the URL of alternative " + (index + 1) + " expands to nothing");
        }
        try {
            ProvisioningUrl resolved = UrlResolver.resolve(url, rule.kind());
            checkScheme(resolved, o.srv(), o.post() != 0);
            return new RuleDecision(index, assigned, options, resolved, null);
        } catch (UrlException e) {
            throw new RuleEvaluationException(a.urlColumn(),
                    "the URL '" + url + "' (expanded from '" + a.url() + "'): expected " + e.expected);
        }
    }

    /** {@code --srv} and {@code --post} need HTTP or HTTPS. */
    static void checkScheme(ProvisioningUrl url, boolean srv, boolean post) throws UrlException {
        if ((srv || post) && url.scheme() != Scheme.HTTP && url.scheme() != Scheme.HTTPS) {
            throw new UrlException(0, "http:// or https:// with " + (srv ? "--srv (Error - TFTP Scheme not supported in SRV lookups)"
                    : "--post"));
        }
        if (srv && url.host() == null) {
            throw new UrlException(0, "a domain to look up with --srv");
        }
    }

    private static String secret(String raw, MacroSource macros) {
        return raw == null ? null : MacroExpander.expand(raw, macros, true);
    }

    private static boolean mentionsSecret(String raw) {
        for (int k = raw.indexOf('$'); k >= 0; k = raw.indexOf('$', k + 1)) {
            int at = raw.startsWith("(", k + 1) ? k + 2 : k + 1;
            String name = Macros.longestAt(raw, at);
            if (name != null && Macros.isSecret(name)) {
                return true;
            }
        }
        return false;
    }
}
