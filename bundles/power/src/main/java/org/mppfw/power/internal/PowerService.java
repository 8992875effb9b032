package org.mppfw.power.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.mppfw.api.device.DeviceProperties;
import org.mppfw.api.power.BootReason;
import org.mppfw.api.power.BootRecord;
import org.mppfw.api.power.Power;
import org.mppfw.layout.BootEntry;
import org.mppfw.layout.BootHistory;
import org.mppfw.layout.RebootRequest;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts the phone: writes the reboot request (reason first, so that a power cut while stopping
 * loses nothing), then stops the framework on a thread of its own. The launcher sees the request
 * when the framework has stopped and boots again from the firmware state record.
 */
@Component(service = Power.class)
public final class PowerService implements Power {

    private static final Logger LOG = LoggerFactory.getLogger(PowerService.class);

    private final Path dataDir;
    private final boolean commandRun;
    private final Runnable stopper;
    private final Clock clock;
    private final AtomicBoolean rebooting = new AtomicBoolean();
    /** The boot this run belongs to, as the launcher recorded it before the bundles started. */
    private final BootEntry current;

    @Activate
    public PowerService(BundleContext context) {
        this(Path.of(context.getProperty(DeviceProperties.DATA_DIR)),
                DeviceProperties.commandRun(context.getProperty(DeviceProperties.BOOT_MODE)),
                () -> stopFramework(context), Clock.systemUTC());
    }

    PowerService(Path dataDir, boolean commandRun, Runnable stopper, Clock clock) {
        this.dataDir = dataDir;
        this.commandRun = commandRun;
        this.stopper = stopper;
        this.clock = clock;
        BootEntry last = BootHistory.read(dataDir).last();
        this.current = !commandRun && last != null && BootEntry.RUNNING.equals(last.end()) ? last : null;
    }

    @Override
    public boolean reboot(BootReason reason, String detail) {
        try {
            new RebootRequest(reason.code(), detail, clock.instant()).write(dataDir);
        } catch (IOException e) {
            LOG.error("cannot record the reboot ({}): {}; rebooting all the same", reason.code(), e.getMessage());
        }
        if (commandRun) {
            LOG.info("reboot ({}: {}) recorded: a command run does not reboot, the next power-on takes it",
                    reason.code(), detail);
            return false;
        }
        if (rebooting.compareAndSet(false, true)) {
            LOG.warn("rebooting ({}): {}", reason.code(), detail);
            Thread t = new Thread(stopper, "mppfw-reboot");
            t.setDaemon(false);
            t.start();
        }
        return true;
    }

    @Override
    public boolean commandRun() {
        return commandRun;
    }

    @Override
    public Optional<BootRecord> currentBoot() {
        return Optional.ofNullable(current).map(PowerService::record);
    }

    @Override
    public List<BootRecord> boots() {
        return BootHistory.read(dataDir).entries().stream().map(PowerService::record).toList();
    }

    static BootRecord record(BootEntry e) {
        return new BootRecord(e.number(), e.time(), BootReason.ofCode(e.reason()), e.detail(), e.set(), e.release(),
                e.trial(), e.end(), e.action());
    }

    private static void stopFramework(BundleContext context) {
        try {
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).stop();
        } catch (BundleException | IllegalStateException e) {
            LOG.error("cannot stop the framework for a reboot: {}", e.getMessage());
        }
    }
}
