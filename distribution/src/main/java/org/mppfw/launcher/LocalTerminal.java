package org.mppfw.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The local terminal of {@code --attach} ({@code /dev/tty}), put in raw mode with {@code stty} so
 * that every key goes to the phone's shell as typed (its line editing, completion and
 * {@code lcd:live} run there), and given back as it was. Its window size is read from {@code stty}
 * too, again on each {@code SIGWINCH}.
 */
final class LocalTerminal implements AutoCloseable {

    private static final File TTY = new File("/dev/tty");

    private final String saved;

    private LocalTerminal(String saved) {
        this.saved = saved;
    }

    /** The terminal in raw mode; fails when there is no terminal. */
    static LocalTerminal raw() throws IOException {
        String saved;
        try {
            saved = stty("-g").trim();
        } catch (IOException e) {
            throw new IOException("--attach needs a terminal: " + e.getMessage(), e);
        }
        stty("raw", "-echo");
        return new LocalTerminal(saved);
    }

    /** The terminal type ({@code TERM}), {@code dumb} when not set. */
    String type() {
        String term = System.getenv("TERM");
        return term == null || term.isBlank() ? "dumb" : term;
    }

    /** Columns and rows; 80x24 when the terminal does not say. */
    int[] size() {
        try {
            String[] rc = stty("size").trim().split("\\s+");
            int rows = Integer.parseInt(rc[0]);
            int cols = Integer.parseInt(rc[1]);
            if (rows > 0 && cols > 0) {
                return new int[] {cols, rows};
            }
        } catch (IOException | RuntimeException e) {
            Log.debug(e);
        }
        return new int[] {80, 24};
    }

    /** Calls {@code listener} with the new size on each window change ({@code SIGWINCH}). */
    @SuppressWarnings("restriction")
    void onResize(Consumer<int[]> listener) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), signal -> listener.accept(size()));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            Log.debug("no SIGWINCH: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            stty(saved);
        } catch (IOException e) {
            Log.warn("cannot restore the terminal (run 'stty sane'): " + e.getMessage());
        }
    }

    private static String stty(String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("stty"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(TTY).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("stty " + String.join(" ", args) + " failed: no terminal");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }
}
