package org.mppfw.ssh.internal;

import java.io.PrintWriter;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The user-level login's session on a terminal: line editing and history of JLine, every line
 * handed to {@link UserCommands} (never to Gogo). With commands ({@code ssh user@phone 'CMD'}),
 * runs that one line and returns its status.
 */
final class UserShell {

    static final String PROMPT = "mppfw(user)> ";

    private final UserCommands commands;

    UserShell(UserCommands commands) {
        this.commands = commands;
    }

    int run(Terminal terminal, String commandsOrNull) {
        PrintWriter out = terminal.writer();
        try {
            if (commandsOrNull != null) {
                return commands.run(commandsOrNull.strip(), out);
            }
            LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
            out.println("mppfw user-level shell: 'help' lists the commands, 'exit' or Ctrl-D leaves");
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                String l = line.strip();
                if (l.equals("exit") || l.equals("quit")) {
                    return 0;
                }
                commands.run(l, out);
                out.flush();
            }
        } finally {
            out.flush();
        }
    }
}
