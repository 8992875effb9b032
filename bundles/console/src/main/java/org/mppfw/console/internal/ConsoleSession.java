package org.mppfw.console.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.mppfw.layout.ConsoleFrame;
import org.mppfw.terminal.shell.TerminalShell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of the console socket: a command run ({@link ConsoleFrame#COMMANDS}) or an attached
 * shell ({@link ConsoleFrame#ATTACH}), each on a JLine terminal made of the connection's frames,
 * ended by an {@link ConsoleFrame#EXIT} frame with the exit status.
 */
final class ConsoleSession {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSession.class);

    private final CommandProcessor processor;
    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;

    ConsoleSession(CommandProcessor processor, SocketChannel channel) {
        this.processor = processor;
        this.channel = channel;
        this.in = ConsoleFrame.input(channel);
        this.out = ConsoleFrame.output(channel);
    }

    /** Serves the client to its end; never throws. */
    void serve() {
        try (channel) {
            ConsoleFrame hello = ConsoleFrame.read(in);
            if (hello == null) {
                return;
            }
            int status;
            if (hello.type() == ConsoleFrame.COMMANDS) {
                status = commands(hello.text());
            } else if (hello.type() == ConsoleFrame.ATTACH) {
                status = attach(hello);
            } else {
                throw new IOException("a console client must start with a command run or an attach");
            }
            ConsoleFrame.write(out, ConsoleFrame.EXIT, ConsoleFrame.ints(status));
        } catch (Exception e) {
            LOG.warn("console client: {}", e.getMessage());
            LOG.debug("console client", e);
        }
    }

    private int commands(String script) throws Exception {
        // no line discipline: the output goes to a pipe or a file as it is, with no input
        try (FrameOutput output = new FrameOutput(out); Terminal terminal = TerminalBuilder.builder().name("mppfw -c").system(false)
                .streams(new ByteArrayInputStream(new byte[0]), output).type("dumb")
                .encoding(StandardCharsets.UTF_8).attributes(new Attributes()).build()) {
            int status = new TerminalShell(processor).run(terminal, script);
            output.flush();
            return status;
        }
    }

    private int attach(ConsoleFrame hello) throws Exception {
        PipedInputStream keyboard = new PipedInputStream(8192);
        PipedOutputStream keys = new PipedOutputStream(keyboard);
        try (FrameOutput output = new FrameOutput(out); Terminal terminal = TerminalBuilder.builder().name("mppfw --attach").system(false)
                .streams(keyboard, output).type(hello.terminalType()).encoding(StandardCharsets.UTF_8)
                .size(new Size(hello.intAt(0), hello.intAt(1))).build()) {
            Thread reader = new Thread(() -> forward(terminal, keys), "mppfw-console-input");
            reader.setDaemon(true);
            reader.start();
            int status = new TerminalShell(processor).run(terminal, null);
            terminal.flush();
            output.flush();
            return status;
        } finally {
            keys.close();
        }
    }

    /** The client's keyboard and window size into the terminal, until its input ends. */
    private void forward(Terminal terminal, PipedOutputStream keys) {
        try (keys) {
            for (ConsoleFrame f; (f = ConsoleFrame.read(in)) != null; ) {
                if (f.type() == ConsoleFrame.INPUT) {
                    keys.write(f.payload());
                    keys.flush();
                } else if (f.type() == ConsoleFrame.SIZE) {
                    terminal.setSize(new Size(f.intAt(0), f.intAt(1)));
                    terminal.raise(Terminal.Signal.WINCH);
                } else if (f.type() == ConsoleFrame.INPUT_END) {
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("console input ended: {}", e.getMessage());
        }
    }
}
