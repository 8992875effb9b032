package org.mppfw.api.report;

import java.io.IOException;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Sends reports and makes problem reports now. */
@ProviderType
public interface Reports {

    /**
     * Sends the report a rule asks for, to each of its targets, and waits for the uploads.
     *
     * @param rule the rule, or {@code null} for the phone's {@code Report_Rule}
     * @return one outcome per target, in the rule's order; empty when the rule has nothing to send
     */
    List<ReportOutcome> report(String rule);

    /**
     * Makes a problem report archive in the data dir and uploads it to {@code PRT_Upload_Rule} when
     * that is set.
     *
     * @param reason why it was asked for (one line, recorded in the archive)
     * @throws IOException when the archive cannot be written
     */
    ProblemReport problemReport(String reason) throws IOException;
}
