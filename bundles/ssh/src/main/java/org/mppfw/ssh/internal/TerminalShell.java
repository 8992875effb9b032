package org.mppfw.ssh.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;

import org.apache.felix.gogo.jline.Shell;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.jline.terminal.Terminal;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The phone's Gogo shell on a JLine {@link Terminal}: the same console as the local one (Gogo's
 * JLine shell with its history, completion and the image's {@code etc/gosh_profile}, and
 * {@code lcd:live}, which finds the terminal in the session's {@code .terminal}).
 *
 * <p>Such a session never stops the phone by itself: it runs as {@code gosh --login --noshutdown}
 * with a context whose {@code exit} does nothing, and it puts its {@link Shell} into the session as
 * {@code .remote}, where the profile's {@code exit} finds it and ends the session instead of
 * stopping the phone. Ctrl-D ends it too. {@code shutdown} still stops the phone.
 *
 * <p>With commands, it runs them in one session the way {@code bin/mppfw -c} does: each result is
 * printed as the shell prints it, and a failure prints {@code Error: <message>} and gives exit
 * status 1 (0 otherwise).
 */
public final class TerminalShell {

    /** The session variable holding this session's shell (see the profile's {@code exit}). */
    static final String REMOTE = ".remote";
    /** {@code Converter.INSPECT}: the full rendering the shell prints. */
    private static final int INSPECT = 0;

    private final CommandProcessor processor;

    public TerminalShell(CommandProcessor processor) {
        this.processor = processor;
    }

    /**
     * Runs a session on {@code terminal}.
     *
     * @param commandsOrNull the commands to run, or null for an interactive session until
     *        {@code exit} or Ctrl-D
     * @return the exit status: 0, or 1 when a command failed
     */
    public int run(Terminal terminal, String commandsOrNull) {
        CommandSession session = processor.createSession(terminal.input(), terminal.output(), terminal.output());
        try {
            session.put(Shell.VAR_TERMINAL, terminal);
            if (commandsOrNull != null) {
                return runCommands(session, terminal, commandsOrNull);
            }
            Shell shell = new Shell(new PhoneContext(), processor);
            session.put(REMOTE, shell);
            shell.gosh(session, new String[] {"--login", "--noshutdown"});
            return 0;
        } catch (Exception e) {
            printError(terminal, e);
            return 1;
        } finally {
            terminal.writer().flush();
            session.close();
        }
    }

    private static int runCommands(CommandSession session, Terminal terminal, String commands) throws Exception {
        PrintWriter out = terminal.writer();
        Object result;
        try {
            result = session.execute(commands);
        } catch (Exception e) {
            printError(terminal, e);
            return 1;
        }
        if (result != null && !Boolean.FALSE.equals(session.get(".Gogo.format"))) {
            out.println(session.format(result, INSPECT));
        }
        out.flush();
        return 0;
    }

    private static void printError(Terminal terminal, Throwable t) {
        while (t instanceof InvocationTargetException && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        String line = m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip();
        int nl = line.indexOf('\n');
        terminal.writer().println("Error: " + (nl < 0 ? line : line.substring(0, nl).strip()));
        terminal.writer().flush();
    }

    /** The framework's properties (else the system's); {@code exit} never stops the phone. */
    private static final class PhoneContext implements Shell.Context {

        @Override
        public String getProperty(String name) {
            Bundle bundle = FrameworkUtil.getBundle(TerminalShell.class);
            BundleContext context = bundle == null ? null : bundle.getBundleContext();
            String value = context == null ? null : context.getProperty(name);
            return value != null ? value : System.getProperty(name);
        }

        @Override
        public void exit() {
            // the session ends when the shell returns; the phone keeps running
        }
    }
}
