package org.mppfw.discovery.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mppfw.api.discovery.CustomizationState;
import org.mppfw.layout.Durable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The final customization state, kept in the data dir (not the framework cache, which is wiped
 * on every boot): one line, written durably ({@link Durable#save}), so that a crash or a power
 * cut leaves the old state or the new one.
 */
final class StateFile {

    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);

    private final Path file;

    StateFile(Path file) {
        this.file = file;
    }

    /** The kept state, or Open when none is kept (or it is unreadable, which is logged). */
    CustomizationState load() {
        try {
            if (Files.exists(file)) {
                return CustomizationState.valueOf(Files.readString(file).strip());
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Customization: unreadable {} ({}); starting Open", file, e.getMessage());
        }
        return CustomizationState.OPEN;
    }

    void save(CustomizationState s) {
        try {
            Durable.save(file, (s.name() + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.warn("Customization: could not keep the state {} in {}: {}", s.label(), file, e.getMessage());
        }
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
