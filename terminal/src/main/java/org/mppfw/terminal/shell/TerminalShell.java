package org.mppfw.terminal.shell;

import java.io.PrintWriter;
import java.util.List;

import org.apache.felix.gogo.jline.Shell;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.apache.felix.service.command.Function;
import org.jline.terminal.Terminal;
import org.mppfw.layout.CommandScript;
import org.osgi.framework.BundleContext;

/**
 * The phone's Gogo shell on a JLine {@link Terminal} made of a pair of streams: the same shell as
 * the console's (Gogo's JLine shell, the image's {@code etc/gosh_profile}, history, completion,
 * raw mode for {@code lcd:live}), or the commands of a command run.
 * <p>
 * {@code exit} and Ctrl-D end this session, not the phone: the session's own {@code exit} is set
 * before the profile runs, with {@code .attached} telling the profile to keep it (the console's
 * {@code exit} stops the phone); {@code shutdown} still stops the phone.
 * <p>
 * The sessions that run in the phone use it: {@code bin/mppfw -c} and {@code --attach} over the
 * console socket, and SSH's admin level.
 */
public final class TerminalShell {

    private final CommandProcessor processor;

    public TerminalShell(CommandProcessor processor) {
        this.processor = processor;
    }

    /**
     * Runs a session on {@code terminal}.
     *
     * @param commandsOrNull the commands of a command run ({@code ;} or new lines between them),
     *                       or null for an interactive session until {@code exit} or Ctrl-D
     * @return 0 when every command succeeded (always for an interactive session that ends), 1 when
     *         one failed: its {@code Error:} line is printed and the commands after it are not run
     */
    public int run(Terminal terminal, String commandsOrNull) {
        CommandSession session = processor.createSession(terminal.input(), terminal.output(), terminal.output());
        try {
            session.put(Shell.VAR_TERMINAL, terminal);
            return commandsOrNull == null ? interactive(session) : commands(session, terminal, commandsOrNull);
        } catch (Exception e) {
            terminal.writer().println("Error: " + CommandScript.message(e));
            return 1;
        } finally {
            terminal.flush();
            session.close();
        }
    }

    private int interactive(CommandSession session) throws Exception {
        Object bundleContext = session.get(Shell.VAR_CONTEXT);
        Shell[] shell = new Shell[1];
        shell[0] = new Shell(new Shell.Context() {
            @Override
            public String getProperty(String name) {
                return bundleContext instanceof BundleContext
                        ? ((BundleContext) bundleContext).getProperty(name) : System.getProperty(name);
            }

            @Override
            public void exit() {
                shell[0].stop();
            }
        }, processor);
        Function exit = (s, arguments) -> {
            shell[0].stop();
            return null;
        };
        session.put(".attached", Boolean.TRUE);
        session.put("exit", exit);
        shell[0].gosh(session, new String[] {"--login", "--noshutdown"});
        return 0;
    }

    private static int commands(CommandSession session, Terminal terminal, String script) {
        PrintWriter out = terminal.writer();
        List<String> commands = CommandScript.split(script);
        for (String command : commands) {
            Object result;
            try {
                result = session.execute(command);
            } catch (Exception e) {
                terminal.flush();
                out.println("Error: " + CommandScript.message(e));
                out.flush();
                return 1;
            }
            if (result != null && !Boolean.FALSE.equals(session.get(".Gogo.format"))) {
                out.println(session.format(result, Converter.INSPECT));
            }
            out.flush();
        }
        return 0;
    }
}
