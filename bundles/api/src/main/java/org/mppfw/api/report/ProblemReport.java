package org.mppfw.api.report;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem report archive.
 *
 * @param archive where it was written (a {@code .tar.gz} in the data dir)
 * @param upload  how its upload to {@code PRT_Upload_Rule} went, or {@code null} when no rule is set
 */
public record ProblemReport(Path archive, ReportOutcome upload) {

    public ProblemReport {
        Objects.requireNonNull(archive);
    }

    public Optional<ReportOutcome> uploaded() {
        return Optional.ofNullable(upload);
    }
}
