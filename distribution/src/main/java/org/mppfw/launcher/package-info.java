/**
 * The launcher of the firmware image ({@code bin/mppfw}): boots Felix with the bundle set the
 * firmware state record names, on a clean bundle cache, as a power-on (the console shell or
 * {@code --no-shell}) or a command run ({@code -c}).
 * <p>
 * <b>One phone per data dir.</b> The launcher takes an exclusive lock on {@code <data>/run/lock}
 * ({@link java.nio.channels.FileChannel#lock()}, kept open) before the boot and holds it until the
 * framework has stopped; the kernel releases it when the Java runtime ends, kill -9 included. Java
 * file locks are POSIX record locks, which closing any other channel on the same file would drop:
 * nothing else opens the lock file, and the holder's PID and kind of run go to a file of their own,
 * {@code <data>/run/pid} (a durable write). A second power-on is refused with one line naming that
 * PID (status 3). {@code -c} and {@code --attach} beside a power-on go into it through its console
 * socket (bundle {@code org.mppfw.console}, protocol {@link org.mppfw.layout.ConsoleFrame}); beside a
 * command run, a launch waits for the run to end. A reboot is a new Java runtime started by
 * {@code bin/mppfw} ({@code MPPFW_RESTART} set), which takes the lock again the same way, waiting
 * for a command run that took the data dir in between; a set on trial given up in the same launch
 * reboots the framework under the lock it already holds.
 * <p>
 * {@code --attach} puts the local terminal in raw mode with {@code stty} (the launcher has no
 * terminal library on its class path; the line editing runs in the phone) and sends the window size
 * again on each {@code SIGWINCH}.
 */
package org.mppfw.launcher;
