package org.mppfw.ssh.internal;

import org.apache.felix.service.command.CommandProcessor;
import org.jline.terminal.Terminal;
import org.mppfw.terminal.shell.TerminalShell;

/**
 * The session of each level: the Gogo shell for admin, the fixed commands for the user level. A
 * class of its own (not a lambda of the component), so that the component loads without the
 * console's JLine classes, which a command run does not install.
 */
final class LevelSessions implements SessionCommand.Sessions {

    private final CommandProcessor processor;
    private final UserCommands userCommands;

    LevelSessions(CommandProcessor processor, UserCommands userCommands) {
        this.processor = processor;
        this.userCommands = userCommands;
    }

    @Override
    public int run(Level level, Terminal terminal, String commandsOrNull) {
        return level == Level.ADMIN ? new TerminalShell(processor).run(terminal, commandsOrNull)
                : new UserShell(userCommands).run(terminal, commandsOrNull);
    }
}
