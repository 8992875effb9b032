package org.mppfw.report.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.crypto.ContentEncryptor;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.device.DeviceProperties;
import org.mppfw.api.firmware.FirmwareService;
import org.mppfw.api.power.Power;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningListener;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.report.ProblemReport;
import org.mppfw.api.report.ReportOutcome;
import org.mppfw.api.report.Reports;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.Transports;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports as a component: it feeds the engine classes the phone's services, runs every report
 * and problem report on its own thread ({@code mppfw-report}), one at a time, and starts them on
 * request ({@link Reports}), per {@code Report_to_Server} ({@link ReportTriggers}) and after each
 * resync attempt when {@code Report_Rule} is set (then moves the delta {@link Baseline}).
 */
@Component(service = {Reports.class, ParameterListener.class, ProvisioningListener.class}, immediate = true)
public final class ReportComponent implements Reports, ParameterListener, ProvisioningListener {

    private static final Logger LOG = LoggerFactory.getLogger(ReportComponent.class);

    private final Transports transports = new Transports();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContentEncryptor encryptor;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Provisioning provisioning;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FirmwareService firmware;

    private final ParameterStore store;
    private final Clock clock;
    private final DeviceIdentity identity;
    private final PhoneMacros macros;
    private final Power power;
    private final ExecutorService thread;
    private final Reporter reporter;
    private final ReportTriggers triggers;
    private final ProblemReportWriter prtWriter;
    private final ProblemReportUpload prtUpload;
    private final Instant started;
    private volatile Instant lastResyncSeen;

    @Activate
    public ReportComponent(@Reference ParameterStore store, @Reference ProvisioningRules rules,
            @Reference PhoneMacros macros, @Reference Clock clock, @Reference DeviceIdentity identity,
            @Reference Power power, BundleContext context) throws IOException {
        this.store = store;
        this.clock = clock;
        this.identity = identity;
        this.macros = macros;
        this.power = power;
        this.started = clock.now();
        Path data = Path.of(context.getProperty(DeviceProperties.DATA_DIR));
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mppfw-report");
            t.setDaemon(true);
            return t;
        });
        Upload upload = new Upload(transports, new ContentEncryptorProxy(), store);
        this.reporter = new Reporter(new Reporter.Services(store, rules, macros::now, upload,
                new Baseline(data.resolve("report").resolve("baseline.properties")), this::statusInputs));
        this.triggers = new ReportTriggers(clock, store, this::runUnlessStopped, () -> reporter.report(null));
        this.prtWriter = new ProblemReportWriter(data, store, identity, clock, new ProblemReportWriter.History() {
            @Override
            public String resyncs() {
                Provisioning p = provisioning;
                return Histories.resyncs(p == null ? List.of() : p.history());
            }

            @Override
            public String upgrades() {
                return Histories.upgrades(firmware, power.boots());
            }

            @Override
            public String boots() {
                return Histories.boots(power.boots());
            }
        });
        this.prtUpload = new ProblemReportUpload(store, rules, macros::now, identity, upload);
    }

    @Activate
    void activate() {
        if (!power.commandRun()) {
            thread.execute(() -> reporter.start(bootNumber(), identity.firmwareVersion()));
        }
        triggers.configure();
    }

    @Deactivate
    void deactivate() {
        triggers.stop();
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int bootNumber() {
        return power.currentBoot().map(b -> b.number()).orElse(-1);
    }

    private StatusReport.Inputs statusInputs(String configHash) {
        Provisioning p = provisioning;
        FirmwareService f = firmware;
        String bootReason = power.currentBoot().map(b -> b.reason().code()).orElse("");
        return new StatusReport.Inputs(identity, clock.local(clock.now()), macros.now().value("IP"),
                p == null ? null : p.status(), f == null ? null : f.status(), configHash, bootReason);
    }

    // ---- Reports ----------------------------------------------------------------------------

    @Override
    public List<ReportOutcome> report(String rule) {
        return onThread(() -> reporter.report(rule));
    }

    @Override
    public ProblemReport problemReport(String reason) throws IOException {
        try {
            return onThread(() -> {
                Path archive = prtWriter.write(reason);
                LOG.info("problem report written: {}", archive.getFileName());
                ReportOutcome up = prtUpload.upload(archive);
                if (up != null) {
                    LOG.info("problem report {}", up);
                }
                return new ProblemReport(archive, up);
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private <T> T onThread(Callable<T> task) {
        try {
            return thread.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    // ---- triggers ---------------------------------------------------------------------------

    @Override
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        triggers.changed(changes, source);
    }

    @Override
    public void statusChanged(ProvisioningStatus status) {
        ResyncRecord last = status.last();
        if (last == null || last.ended().isBefore(started) || last.ended().equals(lastResyncSeen)) {
            return;
        }
        lastResyncSeen = last.ended();
        runUnlessStopped(() -> {
            if (!store.get("Report_Rule").isBlank()) {
                reporter.report(null);
            }
            reporter.moveBaseline(bootNumber(), identity.firmwareVersion());
        });
    }

    /** Hands work to the report thread; after deactivation (an event racing the stop) it is dropped. */
    private void runUnlessStopped(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException stopped) {
            // the component was stopped: its work ended with it
        }
    }

    // ---- references -------------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTransport(Transport t, Map<String, Object> props) {
        transports.add(t, props);
    }

    void removeTransport(Transport t, Map<String, Object> props) {
        transports.remove(t);
    }

    /** The encryptor bound now, looked up at each upload (it may be swapped by an upgrade). */
    private final class ContentEncryptorProxy implements ContentEncryptor {
        @Override
        public java.io.OutputStream encryptCbc(java.io.OutputStream sink, char[] key,
                org.mppfw.api.crypto.KdfDigest digest) throws IOException {
            return current().encryptCbc(sink, key, digest);
        }

        @Override
        public java.io.OutputStream encryptAes128gcm(java.io.OutputStream sink, char[] ikm, String keyId,
                int recordSize) throws IOException {
            return current().encryptAes128gcm(sink, ikm, keyId, recordSize);
        }

        private ContentEncryptor current() throws IOException {
            ContentEncryptor e = encryptor;
            if (e == null) {
                throw new IOException("no content encryptor is running: the report is not sent in clear");
            }
            return e;
        }
    }
}
