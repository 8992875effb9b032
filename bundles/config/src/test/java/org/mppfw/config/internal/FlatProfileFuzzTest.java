package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ProfileException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mppfw.testing.TempDirs;

/**
 * Fuzzes the whole profile path (parse, validate, apply, persist): any exception other than
 * {@link ProfileException} is a bug. The build runs the inputs in
 * {@code FlatProfileFuzzTestInputs/applyProfile/}; fuzzing needs {@code JAZZER_FUZZ=1}.
 */
class FlatProfileFuzzTest {

    private static final ParameterStoreImpl STORE = open();

    private static ParameterStoreImpl open() {
        try {
            // the store writes into it: the whole tree is deleted when the test JVM exits
            return TestStores.open(TempDirs.deletedAtExit("mppfw-fuzz"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void applyProfile(byte[] document) throws IOException {
        ApplyResult r;
        try {
            r = STORE.applyProfile(new ByteArrayInputStream(document), ChangeSource.PROFILE);
        } catch (ProfileException expected) {
            return;
        }
        assertEquals(64, r.sha256().length());
        // whatever was applied must survive a reload unchanged
        assertEquals(STORE.values(), TestStores.open(STORE.dataDir()).values());
    }
}
