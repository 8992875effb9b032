package org.mppfw.upgrade.internal.engine;

/**
 * How a switch of bundle sets ended, with its one-line report.
 *
 * @param kind what happened
 * @param text the report for the log, the status and {@code $UPGERR}
 */
public record Outcome(Kind kind, String text) {

    /** What a switch of sets ended in. */
    public enum Kind {
        /** The new set passed its check and is committed. */
        UPGRADED,
        /** A rollback passed its check and is committed. */
        ROLLED_BACK,
        /** The new set failed its check; the previous set was swapped back. */
        FAILED_CHECK,
        /** The phone stopped during the check: the set stays on trial for the next boot. */
        STAYS_ON_TRIAL,
        /** Nothing changed: the image's version runs already. */
        ALREADY_RUNNING,
        /** The attempt failed before anything changed (download, verification, a write). */
        FAILED
    }

    /** Whether the attempt reached what it was for (the Cisco {@code $UPGST} 1). */
    public boolean ok() {
        return kind == Kind.UPGRADED || kind == Kind.ROLLED_BACK || kind == Kind.ALREADY_RUNNING;
    }

    /** Whether a new set is committed (a multistage rule may pick the next image). */
    public boolean committed() {
        return kind == Kind.UPGRADED || kind == Kind.ROLLED_BACK;
    }

    /** This outcome with more text after the report. */
    public Outcome plus(String more) {
        return new Outcome(kind, text + more);
    }

    static Outcome failed(String text) {
        return new Outcome(Kind.FAILED, text);
    }
}
