package org.mppfw.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a launch does about the phone that may already run on its data dir: with no phone there it
 * takes the data dir's lock and boots; beside a powered-on phone, {@code -c} and {@code --attach}
 * go into that phone's console and a second power-on is refused, naming the phone's PID; beside a
 * command run, it waits for that run to end. A restart by {@code bin/mppfw} (a reboot, a crash) also
 * waits for a command run that came in between.
 */
final class RunningPhone {

    /** How long a phone that holds the lock may take to open its console (it may be booting). */
    private static final long CONSOLE_WAIT_MS = Long.getLong("mppfw.boot.timeout", 60_000L);
    private static final long POLL_MS = 50;

    /**
     * The outcome: the lock to boot with, or the exit status of a launch that ends here.
     *
     * @param lock   present when this launch boots the phone
     * @param status the exit status when it does not
     */
    record Claim(Optional<DataDirLock> lock, int status) {
        static Claim boot(DataDirLock lock) {
            return new Claim(Optional.of(lock), Main.OK);
        }

        static Claim done(int status) {
            return new Claim(Optional.empty(), status);
        }
    }

    private RunningPhone() {
    }

    static Claim claim(Path dataDir, LaunchArgs launch, boolean restart, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        String run = launch.batch() ? DataDirLock.COMMAND_RUN : DataDirLock.POWER_ON;
        long deadline = System.nanoTime() + CONSOLE_WAIT_MS * 1_000_000L;
        while (true) {
            if (!launch.attach()) {
                Optional<DataDirLock> lock = DataDirLock.tryTake(dataDir, run);
                if (lock.isPresent()) {
                    return Claim.boot(lock.get());
                }
            }
            Optional<DataDirLock.Holder> holder = DataDirLock.holder(dataDir).filter(DataDirLock.Holder::alive);
            if (holder.isPresent() && DataDirLock.COMMAND_RUN.equals(holder.get().run())) {
                if (launch.attach()) {
                    return refuse(err, "a command run (PID " + holder.get().pid() + ") is using " + dataDir
                            + ", not a running phone");
                }
                Log.info("waiting for the command run (PID " + holder.get().pid() + ") on " + dataDir + " to end");
                return Claim.boot(DataDirLock.await(dataDir, run));
            }
            if (holder.isPresent() && (launch.batch() || launch.attach())) {
                Optional<ConsoleClient> console = ConsoleClient.connect(dataDir);
                if (console.isPresent()) {
                    try (ConsoleClient c = console.get()) {
                        return Claim.done(launch.batch()
                                ? c.commands(launch.commands().orElse(""), out, err)
                                : attach(c, out, err));
                    }
                }
            } else if (holder.isPresent()) {
                if (restart) {
                    Log.info("waiting for the phone (PID " + holder.get().pid() + ") on " + dataDir + " to stop");
                    return Claim.boot(DataDirLock.await(dataDir, run));
                }
                return refuse(err, "a phone already runs on " + dataDir + " (PID " + holder.get().pid() + ")");
            } else if (launch.attach() && free(dataDir)) {
                return refuse(err, "no phone runs on " + dataDir);
            }
            // the holder is starting (no PID file yet), or its console not open yet
            if (System.nanoTime() > deadline) {
                return refuse(err, "the phone on " + dataDir + " does not answer on its console");
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** Whether no phone holds the data dir's lock (taken and given back at once). */
    private static boolean free(Path dataDir) throws IOException {
        Optional<DataDirLock> probe = DataDirLock.tryTake(dataDir, DataDirLock.COMMAND_RUN);
        probe.ifPresent(DataDirLock::close);
        return probe.isPresent();
    }

    private static int attach(ConsoleClient console, PrintStream out, PrintStream err) throws IOException {
        try (LocalTerminal terminal = LocalTerminal.raw()) {
            return console.attach(terminal, System.in, out, err);
        }
    }

    private static Claim refuse(PrintStream err, String why) {
        err.println("mppfw: " + why);
        err.flush();
        return Claim.done(Main.BOOT_FAILED);
    }
}
