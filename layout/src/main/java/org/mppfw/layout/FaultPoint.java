package org.mppfw.layout;

import java.util.Locale;

/**
 * Test-only power cuts at exact moments of an upgrade. When the JVM runs with
 * {@code -Dmppfw.test.fault=NAME} or {@code NAME@K}, the K-th time (default the first) the phone
 * reaches the point NAME it halts at once, as a power cut would stop it: no shutdown hook, no
 * buffered write, exit status {@value #HALT_STATUS}. With {@code -Dmppfw.test.fault=trace} every point
 * reached is printed ({@code mppfw: fault point NAME #N}) and nothing halts, so that a test learns
 * how often each point is reached in a whole upgrade. Without the property every call is a no-op.
 * <p>
 * The count is kept in the system properties, so that it spans every copy of this class: the
 * launcher's and those embedded in bundles, including the copies a swap brings in.
 */
public final class FaultPoint {

    /** The value of {@link #PROPERTY} that prints every point reached instead of halting. */
    public static final String TRACE = "trace";
    /** The system property that arms a fault point. */
    public static final String PROPERTY = "mppfw.test.fault";
    /** The exit status of a halt at a fault point (as after SIGKILL). */
    public static final int HALT_STATUS = 137;

    /** After one bundle of a swap has been updated, installed or uninstalled. */
    public static final String SWAP_STEP = "swap-step";
    /** Between a synced state file and its rename (any file written by {@link Durable#write}). */
    public static final String STATE_RENAME = "state-rename";
    /** Once a verified image has been moved into its slot. */
    public static final String SLOT_INSTALLED = "slot-installed";
    /** When the health check of a new set starts. */
    public static final String CHECK = "check";

    private FaultPoint() {
    }

    /** Halts the JVM if {@code name} is the armed point and this is its K-th time. */
    public static void reach(String name) {
        String armed = System.getProperty(PROPERTY);
        if (armed == null || armed.isBlank()) {
            return;
        }
        String point = armed.trim();
        if (TRACE.equals(point)) {
            System.err.println("mppfw: fault point " + name + " #" + count(name));
            System.err.flush();
            return;
        }
        int k = 1;
        int at = point.indexOf('@');
        if (at >= 0) {
            try {
                k = Integer.parseInt(point.substring(at + 1).trim());
            } catch (NumberFormatException e) {
                return;
            }
            point = point.substring(0, at).trim();
        }
        if (!point.toLowerCase(Locale.ROOT).equals(name)) {
            return;
        }
        if (count(name) == k) {
            System.err.println("mppfw: fault point " + name + "@" + k + " reached: halting");
            System.err.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }

    /** Counts one more time {@code name} is reached; returns the count. */
    private static int count(String name) {
        synchronized (System.getProperties()) {
            String key = PROPERTY + ".count." + name;
            int seen = Integer.parseInt(System.getProperty(key, "0")) + 1;
            System.setProperty(key, Integer.toString(seen));
            return seen;
        }
    }
}
