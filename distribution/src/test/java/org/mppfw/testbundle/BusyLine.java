package org.mppfw.testbundle;

import java.nio.file.Files;
import java.nio.file.Path;

import org.mppfw.api.line.LineState;

/**
 * A line that is in a call while a flag file exists (its path in the system property
 * {@code mppfw.test.busy.flag}): the phone has no SIP stack, so the upgrade tests install this
 * bundle to hold a call.
 */
public class BusyLine implements LineState {

    @Override
    public boolean allIdle() {
        String flag = System.getProperty("mppfw.test.busy.flag");
        return flag == null || !Files.exists(Path.of(flag));
    }
}
