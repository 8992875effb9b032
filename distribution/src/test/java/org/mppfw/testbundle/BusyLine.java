package org.mppfw.testbundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.mppfw.api.line.LineState;

/**
 * A line that is in a call while a flag file exists (its path in the system property
 * {@code mppfw.test.busy.flag}): the phone has no SIP stack, so the upgrade tests install this
 * bundle to hold a call. Each time it answers "in a call" it appends the name of the asking
 * thread to {@code FLAG.asked}, so that a test sees when the phone looked at its line.
 */
public class BusyLine implements LineState {

    @Override
    public boolean allIdle() {
        String flag = System.getProperty("mppfw.test.busy.flag");
        boolean idle = flag == null || !Files.exists(Path.of(flag));
        if (!idle) {
            try {
                Files.writeString(Path.of(flag + ".asked"), Thread.currentThread().getName() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                // the answer is what counts
            }
        }
        return idle;
    }
}
