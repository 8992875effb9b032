package org.mppfw.testing;

import java.util.concurrent.TimeUnit;

/** Stopping the servers the tests start, with the children they forked (tftpd-hpa forks one a request). */
public final class Processes {

    private Processes() {
    }

    /** Asks the process and its children to stop (SIGTERM), then kills what is left after ten seconds. */
    public static void stop(Process p) {
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                kill(p);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(p);
        }
    }

    /** Kills the process and its children now (SIGKILL), as a power cut would. */
    public static void kill(Process p) {
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
