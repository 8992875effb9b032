package org.mppfw.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real tool ({@code openssl}, {@code curl}, {@code ip}, ...) to its end as a child process
 * that never outlives the call: stdin empty, stdout and stderr kept apart. A tool that is not
 * installed is a missing peer ({@link Peer#require}).
 */
public final class Commands {

    /** How long a tool may take unless the caller says otherwise. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    private Commands() {
    }

    /** What a finished tool did. */
    public record Result(int exit, byte[] stdout, String stderr) {

        /** Standard output as UTF-8 text. */
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** Runs {@code command} in {@code dir} (null: the current dir) with extra environment variables. */
    public static Result run(Path dir, Map<String, String> env, Duration timeout, String... command) {
        Peer.require(command[0]);
        Process p = null;
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("mppfw-cmd", ".out");
            err = Files.createTempFile("mppfw-cmd", ".err");
            ProcessBuilder pb = new ProcessBuilder(List.of(command))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.environment().putAll(env);
            p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(command[0] + " did not finish in " + timeout.toSeconds() + " s");
            }
            return new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while " + command[0] + " ran", e);
        } finally {
            if (p != null && p.isAlive()) {
                Processes.kill(p);
            }
            TempDirs.deleteQuietly(out);
            TempDirs.deleteQuietly(err);
        }
    }

    public static Result run(Path dir, Map<String, String> env, String... command) {
        return run(dir, env, TIMEOUT, command);
    }

    public static Result run(Path dir, String... command) {
        return run(dir, Map.of(), TIMEOUT, command);
    }

    /** Runs and checks the exit code is 0; else fails with what the tool wrote. */
    public static Result ok(Path dir, Map<String, String> env, String... command) {
        Result r = run(dir, env, TIMEOUT, command);
        if (r.exit() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + r.exit() + ": " + r.stderr() + r.out());
        }
        return r;
    }

    public static Result ok(Path dir, String... command) {
        return ok(dir, Map.of(), command);
    }

    /** Runs {@code command} (in the current dir) and returns its output; fails unless it exits 0. */
    public static String output(String... command) {
        return ok(null, command).out();
    }

    /** Runs a clean-up command and ignores how it ends (it may find nothing to clean). */
    public static void quietly(String... command) {
        if (!Peer.installed(command[0])) {
            return;
        }
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                Processes.kill(p);
            }
        } catch (IOException e) {
            // nothing left to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
