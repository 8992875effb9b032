package org.mppfw.upgrade.internal.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.mppfw.testing.VirtualClock;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.api.line.LineState;
import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.service.ServiceSlot;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.Transports;
import org.mppfw.provisioning.internal.ProvisioningRulesImpl;
import org.mppfw.upgrade.internal.sets.BundleSets;

/**
 * A phone for the engine's tests, without a framework: an image dir whose factory set is
 * {@link #RUNNING}, a data dir, the parameters the engine reads, a virtual clock, a queued
 * executor, the real rule evaluator of the provisioning bundle, a recording provisioning log, a
 * line state the test sets, and a transport for {@code http} that fails.
 */
final class EngineFixture {

    static final String RUNNING = "12-0-1MPP0001-1";
    static final String MODEL = "CP-8845-3PCC";
    /** An image of the next release, as a rule names it and as the engine records it. */
    static final String NEXT_RULE = "http://fw.example/sip8845.12-0-2MPP0001-1.loads";
    static final String NEXT_URL = "http://fw.example:80/sip8845.12-0-2MPP0001-1.loads";
    static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    final Path image;
    final Path data;
    final MemoryParameterStore store = new MemoryParameterStore(
            "Upgrade_Enable", "Yes",
            "Upgrade_Rule", "",
            "Upgrade_Error_Retry_Delay", "3600",
            "Resync_After_Upgrade_Attempt", "Yes",
            "Downgrade_Rev_Limit", "");
    final VirtualClock clock = new VirtualClock(START, ZoneOffset.UTC);
    final QueuedExecutor executor = new QueuedExecutor();
    final RecordingLog log = new RecordingLog();
    final FailingTransport transport = new FailingTransport();
    /** Whether a line has a call. */
    final AtomicBoolean busyLine = new AtomicBoolean();
    /** The macro values the rules see. */
    volatile Map<String, String> macros = Map.of("SWVER", "sip8845." + RUNNING, "PN", MODEL);
    final List<UpgradeStatus> published = new CopyOnWriteArrayList<>();
    final Services services;

    EngineFixture(Path dir) throws IOException {
        image = Files.createDirectories(dir.resolve("image"));
        data = Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(image.resolve("etc"));
        Files.writeString(image.resolve("etc/firmware.properties"), "release=" + RUNNING + "\n");
        Transports transports = new Transports();
        transports.add(transport, Map.of(Transport.SCHEMES, "http,https"));
        PhoneMacros phoneMacros = () -> MacroSource.of(macros);
        LineState lines = () -> !busyLine.get();
        services = new Services(store, identity(), clock, new ServiceSlot<>("manifest signature service"),
                ServiceSlot.of("provisioning rule service", (ProvisioningRules) new ProvisioningRulesImpl()),
                ServiceSlot.of("macro service", phoneMacros), ServiceSlot.of("provisioning log", log),
                new ServiceSlot<>("power service"), new ServiceSlot<>("resync engine"),
                ServiceSlot.of("line state service", lines), transports);
    }

    /** An engine on this phone, its status told to {@link #published}; not started. */
    UpgradeEngine engine(boolean commandRun) {
        BootFacts boot = new BootFacts(image, data, FirmwareVersion.parse("sip8845." + RUNNING), "factory", false, 0,
                Duration.ofSeconds(30), commandRun);
        // no swapper: none of these tests gets as far as a swap (a download that fails stops before)
        UpgradeEngine engine = new UpgradeEngine(services, boot, null, executor, new Random(1));
        engine.board().addListener(published::add);
        return engine;
    }

    Firmware firmware() {
        return new Firmware(new BundleSets(image, data), identity(), FirmwareVersion.parse("sip8845." + RUNNING),
                image);
    }

    UpgradeStatus.Phase lastPhase() {
        return published.get(published.size() - 1).phase();
    }

    static DeviceIdentity identity() {
        return new DeviceIdentity() {
            @Override
            public String model() {
                return MODEL;
            }

            @Override
            public String productSeries() {
                return "8845-3PCC";
            }

            @Override
            public String mac() {
                return "001122334455";
            }

            @Override
            public String serialNumber() {
                return "FCH12345678";
            }

            @Override
            public String hardwareVersion() {
                return "1";
            }

            @Override
            public String firmwareVersion() {
                return "sip8845." + RUNNING;
            }
        };
    }
}
