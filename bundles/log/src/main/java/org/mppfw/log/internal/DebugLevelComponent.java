package org.mppfw.log.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.joran.spi.JoranException;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterException;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceProperties;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code Debug_Level}: at start and at every change, the ring's level becomes the one the
 * value names ({@link DebugLevel}); a value it does not know leaves the default, with one warning.
 */
@Component(service = ParameterListener.class, immediate = true,
        property = ParameterListener.NAMES + "=" + DebugLevelComponent.PARAMETER)
public final class DebugLevelComponent implements ParameterListener {

    static final String PARAMETER = "Debug_Level";

    private static final Logger LOG = LoggerFactory.getLogger(DebugLevelComponent.class);

    private final ParameterStore store;
    private final Optional<Ring> ring;
    private DebugLevel applied;

    @Activate
    public DebugLevelComponent(@Reference ParameterStore store, BundleContext context) {
        this.store = store;
        if (UnconfiguredLog.unconfigured() && LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            Path dir = Path.of(context.getProperty(DeviceProperties.DATA_DIR), "log");
            try {
                UnconfiguredLog.configure(logback, dir);
                LOG.warn("the launcher did not configure the log (a launcher of an earlier release): the log is the"
                        + " image's, its ring in {}", dir);
            } catch (JoranException | RuntimeException e) {
                LOG.warn("the launcher did not configure the log, and the image's configuration failed: {}", e.toString());
            }
        }
        this.ring = PhoneLog.ring();
        if (ring.isEmpty()) {
            LOG.warn("the log has no ring of files (logback's appender {}): {} changes nothing", Ring.APPENDER, PARAMETER);
        }
        PhoneLog.problems().forEach(p -> LOG.warn("the log: {}", p));
        apply();
    }

    @Override
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        apply();
    }

    private synchronized void apply() {
        String value;
        try {
            value = store.get(PARAMETER);
        } catch (ParameterException e) {
            value = ""; // a catalog without the row: the default
        }
        Optional<DebugLevel> parsed = DebugLevel.parse(value);
        if (parsed.isEmpty()) {
            LOG.warn("{} '{}' is not one of EMERGENCY, ALERT, CRITICAL, ERROR, WARNING, NOTICE, INFO, DEBUG: {}",
                    PARAMETER, value, DebugLevel.DEFAULT);
        }
        DebugLevel level = parsed.orElse(DebugLevel.DEFAULT);
        if (level != applied) {
            ring.ifPresent(r -> r.setLevel(level.threshold));
            applied = level;
            LOG.info("{} {}: the log keeps {} lines and above", PARAMETER, level, level.threshold);
        }
    }
}
