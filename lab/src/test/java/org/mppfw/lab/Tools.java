package org.mppfw.lab;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real clients of the tests ({@code curl}, {@code openssl}, {@code gunzip},
 * {@code tftp} of tftp-hpa, {@code node} with {@code http_ece}) as child processes that never
 * outlive a call. {@code MPPFW_SKIP_PEERS=1} skips the tests whose client is missing.
 */
public final class Tools {

    private Tools() {
    }

    public record Result(int exit, byte[] stdout, String stderr) {
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    public static Result run(Path dir, Map<String, String> env, String... command) {
        requireTool(command[0]);
        Process p = null;
        try {
            Path out = Files.createTempFile(dir, "tool", ".out");
            Path err = Files.createTempFile(dir, "tool", ".err");
            ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                fail(command[0] + " did not finish in 120 s");
            }
            Result r = new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    public static Result run(Path dir, String... command) {
        return run(dir, Map.of(), command);
    }

    /** Runs and checks the exit code is 0. */
    public static Result ok(Path dir, String... command) {
        Result r = run(dir, command);
        if (r.exit() != 0) {
            fail(String.join(" ", command) + " exited " + r.exit() + ": " + r.stderr());
        }
        return r;
    }

    public static void requireTool(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return;
            }
        }
        missing("'" + tool + "' is not installed (see scripts/packages/lab.txt)");
    }

    /** The {@code node_modules} folder holding {@code http_ece}, or a clear failure. */
    public static Path nodeModules() {
        requireTool("node");
        String prefix = System.getProperty("mppfw.npm.prefix");
        Path root = prefix != null && !prefix.isBlank() ? Path.of(prefix) : repoRoot().resolve(".cache/npm");
        Path modules = root.resolve("node_modules");
        if (!Files.isRegularFile(modules.resolve("http_ece/package.json"))) {
            missing("the npm package http_ece is not installed under " + root
                    + " (npm install --prefix <that folder> http_ece; see scripts/packages/lab.npm.txt)");
        }
        return modules;
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isRegularFile(q.resolve("mvnw"))) {
                return q;
            }
        }
        return p;
    }

    private static void missing(String message) {
        if ("1".equals(System.getenv("MPPFW_SKIP_PEERS"))) {
            Assumptions.abort(message);
        }
        fail(message);
    }
}
