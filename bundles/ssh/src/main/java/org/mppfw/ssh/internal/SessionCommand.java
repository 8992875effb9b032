package org.mppfw.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shell or exec channel: a JLine terminal on the channel's streams, and the session of the
 * login's {@link Level} run on it on a thread of the server's pool. The channel's exit status is
 * the session's ({@code ssh phone 'cmd'} returns it).
 */
final class SessionCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCommand.class);

    /** Runs a session of a level on a terminal; returns its exit status. */
    @FunctionalInterface
    interface Sessions {
        int run(Level level, Terminal terminal, String commandsOrNull);
    }

    private final ExecutorService pool;
    private final Sessions sessions;
    private final String commandOrNull;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private volatile Terminal terminal;
    private volatile Future<?> running;

    SessionCommand(ExecutorService pool, Sessions sessions, String commandOrNull) {
        this.pool = pool;
        this.sessions = sessions;
        this.commandOrNull = commandOrNull;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // the session writes its errors to the terminal, as the console does
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        Level level = channel.getServerSession().getAttribute(Accounts.LEVEL);
        if (level == null) {
            throw new IOException("no login level"); // never: every login sets one
        }
        Terminal t = terminal(in, out, env);
        terminal = t;
        try {
            running = pool.submit(() -> {
                int status = 1;
                try {
                    status = sessions.run(level, t, commandOrNull);
                } catch (RuntimeException e) {
                    LOG.warn("ssh: session failed: {}", e.toString());
                } finally {
                    closeTerminal();
                    exit.onExit(status);
                }
            });
        } catch (RejectedExecutionException e) {
            closeTerminal();
            throw new IOException("the SSH server is stopping");
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        Future<?> f = running;
        if (f != null) {
            f.cancel(true);
        }
        closeTerminal();
    }

    private void closeTerminal() {
        Terminal t = terminal;
        if (t != null) {
            try {
                t.close();
            } catch (IOException e) {
                LOG.debug("ssh: closing a terminal: {}", e.toString());
            }
        }
    }

    /**
     * A terminal on the channel's streams: with the client's pseudo-terminal (type, size and its
     * changes, a terminal's line discipline), or a plain byte pipe without one ({@code ssh -T},
     * {@code ssh phone 'cmd'}).
     */
    static Terminal terminal(InputStream in, OutputStream out, Environment env) throws IOException {
        boolean pty = !env.getPtyModes().isEmpty();
        Map<String, String> vars = env.getEnv();
        Terminal t = TerminalBuilder.builder().system(false).name("ssh")
                .type(pty ? vars.getOrDefault(Environment.ENV_TERM, "xterm") : "dumb")
                .streams(in, out).encoding(StandardCharsets.UTF_8).build();
        t.setAttributes(pty ? ttyAttributes() : new Attributes());
        if (pty) {
            t.setSize(new Size(number(vars.get(Environment.ENV_COLUMNS), 80), number(vars.get(Environment.ENV_LINES), 24)));
            env.addSignalListener((channel, signal) -> {
                t.setSize(new Size(number(vars.get(Environment.ENV_COLUMNS), 80), number(vars.get(Environment.ENV_LINES), 24)));
                t.raise(Terminal.Signal.WINCH);
            }, Signal.WINCH);
        }
        return t;
    }

    /** A terminal's usual modes: line editing, signals from Ctrl-C and Ctrl-Z, CR LF on output. */
    static Attributes ttyAttributes() {
        Attributes a = new Attributes();
        a.setInputFlag(Attributes.InputFlag.ICRNL, true);
        a.setOutputFlag(Attributes.OutputFlag.OPOST, true);
        a.setOutputFlag(Attributes.OutputFlag.ONLCR, true);
        a.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        a.setLocalFlag(Attributes.LocalFlag.ICANON, true);
        a.setLocalFlag(Attributes.LocalFlag.ECHO, true);
        a.setLocalFlag(Attributes.LocalFlag.IEXTEN, true);
        a.setControlChar(Attributes.ControlChar.VINTR, 3);
        a.setControlChar(Attributes.ControlChar.VQUIT, 28);
        a.setControlChar(Attributes.ControlChar.VSUSP, 26);
        a.setControlChar(Attributes.ControlChar.VEOF, 4);
        a.setControlChar(Attributes.ControlChar.VERASE, 127);
        a.setControlChar(Attributes.ControlChar.VWERASE, 23);
        a.setControlChar(Attributes.ControlChar.VKILL, 21);
        a.setControlChar(Attributes.ControlChar.VLNEXT, 22);
        a.setControlChar(Attributes.ControlChar.VMIN, 1);
        a.setControlChar(Attributes.ControlChar.VTIME, 0);
        return a;
    }

    private static int number(String s, int otherwise) {
        try {
            return s == null ? otherwise : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
