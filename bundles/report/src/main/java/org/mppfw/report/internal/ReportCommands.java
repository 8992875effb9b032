package org.mppfw.report.internal;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.report.ProblemReport;
import org.mppfw.api.report.ReportOutcome;
import org.mppfw.api.report.Reports;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Shell commands {@code prov:report [RULE]} and {@code sys:prt}. */
@Component(service = ReportCommands.class, property = {
    "osgi.command.scope=prov", "osgi.command.function=report"})
public final class ReportCommands {

    private final Reports reports;

    @Activate
    public ReportCommands(@Reference Reports reports) {
        this.reports = reports;
    }

    @Descriptor("send the report Report_Rule asks for now (configuration, --delta or --status) to each of its targets")
    public String report() {
        return format(reports.report(null));
    }

    @Descriptor("send the report a rule asks for now, instead of Report_Rule")
    public String report(@Descriptor("a rule: [--delta] [--status] [--key K] URL [URL2]") String rule) {
        return format(reports.report(rule));
    }

    static String format(List<ReportOutcome> outcomes) {
        return outcomes.isEmpty() ? "nothing to report: the rule names no target"
                : outcomes.stream().map(ReportOutcome::toString).collect(Collectors.joining("\n"));
    }

    /** {@code sys:prt}: its own service, in scope {@code sys}. */
    @Component(service = PrtCommand.class, property = {"osgi.command.scope=sys", "osgi.command.function=prt"})
    public static final class PrtCommand {

        private final Reports reports;

        @Activate
        public PrtCommand(@Reference Reports reports) {
            this.reports = reports;
        }

        @Descriptor("make a problem report archive (logs, histories, configuration with secrets masked), print its path,"
                + " and upload it to PRT_Upload_Rule when that is set")
        public String prt() throws IOException {
            ProblemReport r = reports.problemReport("sys:prt from the shell");
            return r.archive() + r.uploaded().map(o -> "\n" + o).orElse("");
        }
    }
}
