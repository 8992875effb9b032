package org.mppfw.launcher;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.mppfw.layout.BootEntry;
import org.mppfw.layout.BundleList;
import org.mppfw.layout.CommandScript;
import org.mppfw.layout.LaunchProperties;
import org.mppfw.layout.RebootRequest;

/**
 * Boots the phone: {@code bin/mppfw [--data DIR] [--mac ...] [-c 'COMMANDS' | --no-shell | --attach]}.
 * Exit status: 0 success, 1 a batch command failed, 2 bad command line, 3 the image could not boot
 * (or another phone runs on the data dir), 75 the phone reboots ({@code bin/mppfw} starts it again).
 * <p>
 * One phone per data dir ({@link DataDirLock}): {@code -c} and {@code --attach} beside a phone that
 * runs on the same data dir go into it ({@link RunningPhone}) instead of booting a second one.
 * <p>
 * A power-on (the interactive shell or {@code --no-shell}) records the boot in the boot history and
 * spends a boot attempt of a set on trial; a command run ({@code -c}) is not a power-on: it boots
 * the set a power-on would, spends nothing, records nothing, and its bundles start no resync, no
 * upgrade and no check of a set on trial by themselves.
 */
public final class Main {

    static final int OK = 0;
    static final int COMMAND_FAILED = 1;
    static final int USAGE = 2;
    static final int BOOT_FAILED = 3;
    /** The phone reboots: {@code bin/mppfw} starts the launcher again (EX_TEMPFAIL). */
    static final int REBOOT = 75;
    /** Set by {@code bin/mppfw} when it starts the phone again (a reboot or a crash). */
    static final String RESTART_ENV = "MPPFW_RESTART";

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args);
        System.out.flush();
        System.exit(status);
    }

    static int run(String[] args) {
        LaunchArgs launch;
        try {
            launch = LaunchArgs.parse(args);
        } catch (LaunchArgs.UsageException e) {
            System.err.println("mppfw: " + e.getMessage());
            System.err.println("Try 'mppfw --help'.");
            return USAGE;
        }
        if (launch.help()) {
            System.out.print(LaunchArgs.USAGE);
            return OK;
        }
        Log.setLevel(launch.verbosity());
        // The console as it is before the framework starts: Gogo's runtime replaces System.out
        // and System.err with streams that route each thread's output to its session, and a
        // session made on those streams would write to itself.
        PrintStream consoleOut = System.out;
        PrintStream consoleErr = System.err;
        BootConfig config;
        try {
            Path image = imageDir();
            config = BootConfig.load(image, launch);
            Files.createDirectories(config.dataDir());
            LogSetup.configure(image, config.dataDir(), launch.verbosity());
        } catch (Exception e) {
            Log.error("cannot boot: " + BatchRunner.message(e));
            Log.debug(e);
            return BOOT_FAILED;
        }
        DataDirLock lock;
        try {
            RunningPhone.Claim claim = RunningPhone.claim(config.dataDir(), launch, System.getenv(RESTART_ENV) != null,
                    consoleOut, consoleErr);
            if (claim.lock().isEmpty()) {
                return claim.status();
            }
            lock = claim.lock().get();
        } catch (Exception e) {
            Log.error(BatchRunner.message(e));
            Log.debug(e);
            return BOOT_FAILED;
        }
        try (lock) {
            return boot(config, launch, consoleOut, consoleErr);
        }
    }

    /** Boots the phone on the data dir this launcher holds, runs it, and stops it. */
    private static int boot(BootConfig config, LaunchArgs launch, PrintStream consoleOut, PrintStream consoleErr) {
        PhoneFramework phone;
        Path dataDir = config.dataDir();
        try {
            if (launch.interactive() && System.console() == null && System.getProperty("org.jline.terminal.dumb") == null) {
                System.setProperty("org.jline.terminal.dumb", "true"); // stdin/stdout not a terminal: no warning about it
            }
            if (!launch.batch() && !launch.interactive()) {
                quietShell();
            }
            PowerOn powerOn = launch.batch() ? null
                    : PowerOn.begin(dataDir, System.getenv(PowerOn.CRASH_ENV), Instant.now());
            phone = bootFirmware(config, launch, powerOn);
        } catch (Exception e) {
            Log.error("cannot boot: " + BatchRunner.message(e));
            Log.debug(e);
            return BOOT_FAILED;
        }
        try {
            if (launch.batch()) {
                List<String> commands = CommandScript.split(launch.commands().orElse(""));
                return new BatchRunner(phone.context(), consoleOut, consoleErr).run(commands);
            }
            phone.awaitStop();
            phone.stop();
            if (RebootRequest.pending(dataDir)) {
                Log.info("rebooting");
                return REBOOT;
            }
            return OK;
        } catch (Exception e) {
            Log.error(BatchRunner.message(e));
            Log.debug(e);
            return BOOT_FAILED;
        } finally {
            phone.stop();
        }
    }

    /**
     * {@code --no-shell}: the shell's bundles run for the console socket and SSH, but Gogo's own
     * shell reads no console (it runs the profile only: {@code gosh.args} of {@link BootConfig})
     * and its terminal is the plain one, which leaves Ctrl-C and SIGTERM to stop the phone.
     */
    private static void quietShell() {
        for (String provider : new String[] {"exec", "jna", "jansi"}) {
            System.setProperty("org.jline.terminal." + provider, "false");
        }
        System.setProperty("org.jline.terminal.dumb", "true");
    }

    /**
     * Boots the bundle set the firmware state record names. A set on trial whose bundles do not
     * all start is given up at once and the committed set is booted instead (in a command run it is
     * only skipped: the next power-on decides). A boot loop falls back one step first.
     */
    static PhoneFramework bootFirmware(BootConfig base, LaunchArgs launch, PowerOn powerOn) throws Exception {
        boolean commandRun = powerOn == null;
        if (!commandRun && powerOn.loop()) {
            String what = FirmwareSets.fallBackFromLoop(base.dataDir());
            Log.error(what);
            powerOn.action(what);
        }
        for (int round = 0; ; round++) {
            FirmwareSets.BootSet set = FirmwareSets.choose(base.image(), base.dataDir(), base.factoryRelease(),
                    commandRun, round > 0);
            List<BundleList.Entry> bundles = BundleList.forMode(set.entries(), !commandRun);
            BootConfig config = base.forSet(set, BundleList.targetLevel(bundles), commandRun);
            Log.info("firmware " + config.firmwareVersion() + " (" + set.name() + (set.trial() ? ", on trial" : "")
                    + (commandRun ? ", command run" : "") + "), data dir " + config.dataDir());
            if (!commandRun && round == 0) {
                powerOn.record(Instant.now(), set);
            }
            PhoneFramework phone;
            String failure;
            try {
                phone = PhoneFramework.boot(config, set.root(), bundles, commandRun ? null : powerOn::end);
                List<String> inactive = phone.inactiveBundles();
                if (!set.trial() || inactive.isEmpty() || round > 0) {
                    phone.markBootComplete();
                    return phone;
                }
                if (!commandRun) {
                    powerOn.end(BootEntry.REBOOTED);
                }
                phone.stop();
                failure = inactive.size() + " bundle(s) not active: " + String.join(", ", inactive);
            } catch (Exception e) {
                if (!set.trial() || round > 0) {
                    throw e;
                }
                failure = BatchRunner.message(e);
            }
            if (commandRun) {
                Log.error("firmware " + set.release() + " on trial did not boot (" + failure
                        + "); this command run uses the committed set, the next power-on gives the trial up");
                continue;
            }
            FirmwareSets.abandonTrial(base.dataDir(), failure);
            Log.error("firmware " + set.release() + " failed its boot check (" + failure + "); back to the committed set");
            FirmwareSets.BootSet committed = FirmwareSets.choose(base.image(), base.dataDir(), base.factoryRelease(),
                    false, true);
            powerOn.trialGivenUp(Instant.now(), committed, "firmware " + set.release() + " failed at boot: " + failure);
        }
    }

    /** The image dir: {@code mppfw.home}, else the parent of the launcher jar's {@code lib/}. */
    static Path imageDir() throws URISyntaxException {
        String home = System.getProperty(LaunchProperties.HOME);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.toAbsolutePath().getParent().getParent().normalize();
    }
}
