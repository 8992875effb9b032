package org.mppfw.provisioning.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Shell commands of scope {@code prov} around the resync engine: the "Provisioning Status" the
 * phone shows, its history, the configured rules, and an explicit resync that waits for its
 * result. Nothing printed holds a secret: records carry none, and rules are shown with their
 * {@code --key}/{@code --pwd} values masked.
 */
@Component(service = EngineCommands.class, property = {
    "osgi.command.scope=prov",
    "osgi.command.function=status",
    "osgi.command.function=resync",
    "osgi.command.function=rules",
    "osgi.command.function=history"
})
public final class EngineCommands {

    /** How long {@code prov:resync} waits for its attempt to end. */
    static final Duration WAIT = Duration.ofMinutes(3);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private static final ProvisioningRulesImpl RULES = new ProvisioningRulesImpl();

    private final Provisioning engine;
    private final ParameterStore store;
    private final Clock clock;

    @Activate
    public EngineCommands(@Reference Provisioning engine, @Reference ParameterStore store, @Reference Clock clock) {
        this.engine = engine;
        this.store = store;
        this.clock = clock;
    }

    @Descriptor("show the provisioning status: state, last resync and its result, next resync")
    public String status() {
        ProvisioningStatus s = engine.status();
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-16s%s%n", "State:", s.state().name().toLowerCase().replace('_', ' ')));
        s.lastAttempt().ifPresentOrElse(r -> {
            b.append(String.format("%-16s%s (%s)%n", "Last resync:", time(r.ended()), r.reason()));
            b.append(String.format("%-16s%s%n", "Result:", r.success() ? "success (A)" : "failed (class " + r.result() + ")"));
            if (!r.url().isEmpty()) {
                b.append(String.format("%-16s%s %s%n", "Rule:", r.rule(), r.url()));
            }
            if (!r.decoding().isEmpty()) {
                b.append(String.format("%-16s%s%n", "Decoding:", r.decoding()));
            }
            b.append(String.format("%-16s%s%n", "Message:", r.message()));
            for (String step : r.steps()) {
                b.append(String.format("%-16s%s%n", "", step));
            }
        }, () -> b.append(String.format("%-16s%s%n", "Last resync:", "none yet")));
        b.append(String.format("%-16s%s%n", "Next resync:",
                s.next().map(t -> time(t) + " (" + s.nextReason() + ")").orElse("none planned")));
        if (s.failuresInARow() > 0) {
            b.append(String.format("%-16s%d%n", "Failures:", s.failuresInARow()));
        }
        return b.toString().stripTrailing();
    }

    @Descriptor("resync now with the configured rules (Profile_Rule .. Profile_Rule_D) and show the result")
    public String resync() throws InterruptedException {
        return await(() -> engine.resync());
    }

    @Descriptor("resync now from one rule, e.g. 'http://prov.example.com/$MA.xml', and show the result")
    public String resync(@Descriptor("a profile rule (quote it in single quotes)") String rule) throws InterruptedException {
        return await(() -> engine.resync(rule));
    }

    private String await(java.util.function.BooleanSupplier start) throws InterruptedException {
        List<ResyncRecord> before = engine.history();
        ResyncRecord previous = before.isEmpty() ? null : before.get(0);
        if (!start.getAsBoolean()) {
            throw new CommandException("provisioning is disabled (Provision_Enable is No)");
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<ResyncRecord> now = engine.history();
            ProvisioningStatus status = engine.status();
            // done once the attempt is recorded and the engine has published a status after it
            // (one that no longer names the attempt before), so that a prov:status after this shows it
            if (!now.isEmpty() && now.get(0) != previous
                    && status.lastAttempt().orElse(null) != previous) {
                ResyncRecord r = now.get(0);
                if (!r.success()) {
                    throw new CommandException("resync failed (class " + r.result() + "): " + r.message() + steps(r));
                }
                return "resync succeeded" + steps(r) + (r.changed().isEmpty() ? "" : "\nchanged: " + String.join(", ", r.changed()));
            }
            Thread.sleep(50);
        }
        throw new CommandException("no result after " + WAIT.toSeconds() + " s; see prov:status");
    }

    private static String steps(ResyncRecord r) {
        StringBuilder b = new StringBuilder();
        for (String s : r.steps()) {
            b.append(System.lineSeparator()).append("  ").append(s);
        }
        return b.length() == 0 ? ": " + r.message() : b.toString();
    }

    @Descriptor("show the profile rules as configured (keys and passwords masked)")
    public String rules() {
        StringBuilder b = new StringBuilder();
        for (String name : AttemptRunner.RULES) {
            String v = store.get(name);
            b.append(String.format("%-16s%s%n", name, v.isBlank() ? "(empty)" : masked(v)));
        }
        return b.toString().stripTrailing();
    }

    @Descriptor("show the latest resync attempts, newest first")
    public String history() {
        List<ResyncRecord> h = engine.history();
        if (h.isEmpty()) {
            return "no resync yet";
        }
        StringBuilder b = new StringBuilder();
        for (ResyncRecord r : h) {
            b.append(time(r.started())).append("  ").append(String.format("%-9s", r.reason())).append(' ')
                    .append(r.result()).append("  ").append(r.url().isEmpty() ? "-" : r.url()).append("  ")
                    .append(r.message()).append(System.lineSeparator());
        }
        return b.toString().stripTrailing();
    }

    private String time(Instant t) {
        return TIME.format(clock.local(t).withNano(0));
    }

    /**
     * The rule as the rule parser prints it (normal form, {@code --key}/{@code --pwd} masked); a
     * rule that does not parse is not shown, since its secrets cannot be found reliably.
     */
    private static String masked(String rule) {
        try {
            return RULES.describe(rule, RuleKind.PROFILE);
        } catch (RuleSyntaxException e) {
            return "(does not parse: " + e.getMessage() + ")";
        }
    }
}
