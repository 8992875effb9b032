package org.mppfw.launcher;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's command line: the data dir, the first-boot identity, batch commands and the
 * log verbosity. Options take their value as the next argument or after {@code =}.
 */
final class LaunchArgs {

    /** Keys of the options that are also accepted in {@code boot.properties} / {@code mppfw.properties}. */
    static final String DATA = "data";
    static final String MAC = "mac";
    static final String MODEL = "model";
    static final String SERIAL = "serial";
    static final String HWVERSION = "hwversion";

    static final String USAGE = String.join("\n",
            "Usage: mppfw [OPTIONS]",
            "Boots the phone firmware. Without -c an interactive Gogo shell runs on the console",
            "(exit, shutdown or Ctrl-D stop the phone). One phone runs per data dir.",
            "",
            "  --data DIR         data dir (default: <image>/data)",
            "  --mac MAC          first-boot identity: MAC address",
            "  --model MODEL      first-boot identity: model (default CP-8845-3PCC)",
            "  --serial SERIAL    first-boot identity: serial number",
            "  --hwversion VER    first-boot identity: hardware version",
            "  -c COMMANDS        batch mode: run Gogo commands (separated by ';' or newlines),",
            "                     print each result, stop at the first failure and exit",
            "                     (status 0: all succeeded, 1: a command failed); in the phone",
            "                     that runs on the data dir if there is one, else in a command run",
            "  --no-shell         no console shell: run until stopped (SIGTERM, Ctrl-C)",
            "  --attach           a shell into the phone that runs on the data dir",
            "                     (exit or Ctrl-D end the shell, not the phone)",
            "  -v, -vv            log at info (-v) or debug (-vv) level (default: warn)",
            "  -h, --help         print this help",
            "",
            "The same keys (data, mac, model, serial, hwversion) may be set in <image>/etc/mppfw.properties",
            "and <data>/boot.properties; the command line wins over boot.properties, which wins over",
            "mppfw.properties. Identity is taken on the first boot only; later boots keep it.",
            "");

    private final Map<String, String> values;
    private final String commands;
    private final int verbosity;
    private final boolean help;
    private final boolean noShell;
    private final boolean attach;

    private LaunchArgs(Map<String, String> values, String commands, int verbosity, boolean help, boolean noShell,
            boolean attach) {
        this.values = Collections.unmodifiableMap(values);
        this.commands = commands;
        this.verbosity = verbosity;
        this.help = help;
        this.noShell = noShell;
        this.attach = attach;
    }

    /**
     * Parses the command line.
     *
     * @throws UsageException on an unknown option, a missing value or a repeated option
     */
    static LaunchArgs parse(String... args) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        String commands = null;
        int verbosity = 0;
        boolean help = false;
        boolean noShell = false;
        boolean attach = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (name) {
                case "-h":
                case "--help":
                    help = true;
                    break;
                case "--no-shell":
                    noShell = true;
                    break;
                case "--attach":
                    attach = true;
                    break;
                case "-v":
                    verbosity = Math.max(verbosity, 1);
                    break;
                case "-vv":
                    verbosity = 2;
                    break;
                case "-c":
                case "--command":
                    if (commands != null) {
                        throw new UsageException("-c given twice");
                    }
                    if (inline == null && i + 1 >= args.length) {
                        throw new UsageException(name + " needs a value");
                    }
                    commands = inline != null ? inline : args[++i];
                    break;
                case "--data":
                case "--mac":
                case "--model":
                case "--serial":
                case "--hwversion":
                    String key = name.substring(2);
                    if (values.containsKey(key)) {
                        throw new UsageException(name + " given twice");
                    }
                    if (inline == null && i + 1 >= args.length) {
                        throw new UsageException(name + " needs a value");
                    }
                    String value = inline != null ? inline : args[++i];
                    if (value.isBlank()) {
                        throw new UsageException(name + " needs a value");
                    }
                    values.put(key, value.trim());
                    break;
                default:
                    throw new UsageException("unknown argument: " + arg);
            }
        }
        if (noShell && commands != null) {
            throw new UsageException("--no-shell and -c exclude each other");
        }
        if (attach && (noShell || commands != null)) {
            throw new UsageException("--attach excludes -c and --no-shell");
        }
        return new LaunchArgs(values, commands, verbosity, help, noShell, attach);
    }

    /** The value of an option given on the command line ({@link #DATA}, {@link #MAC}, ...). */
    Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The options given on the command line, keyed by {@link #DATA}, {@link #MAC}, ... */
    Map<String, String> values() {
        return values;
    }

    /** The batch commands of {@code -c}, if any. */
    Optional<String> commands() {
        return Optional.ofNullable(commands);
    }

    /** True when {@code -c} was given: run the commands and exit instead of the shell. */
    boolean batch() {
        return commands != null;
    }

    /** True when the console shell runs: neither {@code -c} nor {@code --no-shell}. */
    boolean interactive() {
        return commands == null && !noShell && !attach;
    }

    /** True for {@code --attach}: a shell into the phone that runs on the data dir, no boot. */
    boolean attach() {
        return attach;
    }

    /** 0: warn, 1: info, 2: debug. */
    int verbosity() {
        return verbosity;
    }

    boolean help() {
        return help;
    }

    /** A command line the launcher cannot run; printed with the usage hint, exit status 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
