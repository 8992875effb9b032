package org.mppfw.discovery.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.mppfw.api.discovery.CustomizationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The final customization state, kept in the data dir (not the framework cache, which is wiped
 * on every boot): one line, written to a temporary file and renamed, so that a crash leaves the
 * old state or the new one.
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
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, s.name() + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Customization: could not keep the state {} in {}: {}", s.label(), file, e.getMessage());
        }
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
