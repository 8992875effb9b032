package org.mppfw.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;

/** Report_to_Server on the phone's clock: coalesced local changes, periodic reports, On Request. */
class TriggersTest {

    private static final List<ParameterChange> CHANGE = List.of(new ParameterChange("GPP_A", "", "x", false));

    @Test
    void localChangesAreCoalescedAndProfileChangesAreNotLocal(@TempDir Path dir) throws Exception {
        try (Phone p = new Phone(dir)) {
            p.set("Report_Rule", "http://127.0.0.1/r.xml");
            p.set("Report_to_Server", "On Local Change");
            p.set("Upload_Delay_On_Local_Change", "30");
            AtomicInteger sent = new AtomicInteger();
            ReportTriggers t = new ReportTriggers(p.clock, p.store(), Runnable::run, sent::incrementAndGet);
            t.configure();
            t.changed(CHANGE, ChangeSource.PROFILE);
            t.changed(CHANGE, ChangeSource.SYSTEM);
            p.clock.advance(Duration.ofMinutes(5));
            assertEquals(0, sent.get(), "a resync's changes are not local");
            t.changed(CHANGE, ChangeSource.ADMIN);
            p.clock.advance(Duration.ofSeconds(20));
            t.changed(CHANGE, ChangeSource.USER);
            p.clock.advance(Duration.ofSeconds(9));
            assertEquals(0, sent.get());
            p.clock.advance(Duration.ofSeconds(1));
            assertEquals(1, sent.get(), "one report 30 s after the first change, for both");
            p.clock.advance(Duration.ofMinutes(10));
            assertEquals(1, sent.get());
            t.changed(CHANGE, ChangeSource.TR069);
            p.clock.advance(Duration.ofSeconds(30));
            assertEquals(2, sent.get());
        }
    }

    @Test
    void periodicallyEveryPeriodUntilTurnedOff(@TempDir Path dir) throws Exception {
        try (Phone p = new Phone(dir)) {
            p.set("Report_Rule", "http://127.0.0.1/r.xml");
            p.set("Report_to_Server", "Periodically");
            p.set("periodic_upload_to_server", "600");
            AtomicInteger sent = new AtomicInteger();
            ReportTriggers t = new ReportTriggers(p.clock, p.store(), Runnable::run, sent::incrementAndGet);
            t.configure();
            t.changed(CHANGE, ChangeSource.ADMIN);
            p.clock.advance(Duration.ofSeconds(599));
            assertEquals(0, sent.get(), "a local change does not report when Periodically");
            p.clock.advance(Duration.ofSeconds(1));
            assertEquals(1, sent.get());
            p.clock.advance(Duration.ofSeconds(1800));
            assertEquals(4, sent.get());
            p.set("Report_to_Server", "On Request");
            t.changed(List.of(new ParameterChange("Report_to_Server", "Periodically", "On Request", false)),
                    ChangeSource.ADMIN);
            p.clock.advance(Duration.ofHours(5));
            assertEquals(4, sent.get());
        }
    }

    @Test
    void nothingWithoutReportRule(@TempDir Path dir) throws Exception {
        try (Phone p = new Phone(dir)) {
            p.set("Report_to_Server", "Periodically");
            p.set("periodic_upload_to_server", "600");
            AtomicInteger sent = new AtomicInteger();
            ReportTriggers t = new ReportTriggers(p.clock, p.store(), Runnable::run, sent::incrementAndGet);
            t.configure();
            p.clock.advance(Duration.ofHours(2));
            assertEquals(0, sent.get());
            t.stop();
        }
    }
}
