package org.mppfw.launcher;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Optional;

import org.mppfw.layout.ConsoleAddress;
import org.mppfw.layout.ConsoleFrame;

/**
 * The launcher's side of the running phone's console ({@link ConsoleFrame}): sends the commands of
 * {@code -c}, or attaches the local terminal, and returns the exit status the phone sends.
 */
final class ConsoleClient implements AutoCloseable {

    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;

    private ConsoleClient(SocketChannel channel) {
        this.channel = channel;
        this.in = ConsoleFrame.input(channel);
        this.out = ConsoleFrame.output(channel);
    }

    /** Connects to the console of the phone running on {@code dataDir}, if it listens (yet). */
    static Optional<ConsoleClient> connect(Path dataDir) {
        try {
            Optional<Path> socket = ConsoleAddress.published(dataDir);
            if (socket.isEmpty()) {
                return Optional.empty();
            }
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket.get()));
                return Optional.of(new ConsoleClient(channel));
            } catch (IOException e) {
                channel.close();
                Log.debug("console " + socket.get() + ": " + e.getMessage());
                return Optional.empty();
            }
        } catch (IOException e) {
            Log.debug(e);
            return Optional.empty();
        }
    }

    /** Runs {@code script} in the phone; its output goes to {@code stdout}. */
    int commands(String script, PrintStream stdout, PrintStream stderr) throws IOException {
        ConsoleFrame.writeText(out, ConsoleFrame.COMMANDS, script);
        return answer(stdout, stderr);
    }

    /**
     * Attaches {@code terminal}: the phone's shell until {@code exit} or Ctrl-D there. Keyboard bytes
     * and window sizes go to the phone while its answer is printed.
     */
    int attach(LocalTerminal terminal, InputStream keyboard, PrintStream stdout, PrintStream stderr)
            throws IOException {
        int[] size = terminal.size();
        ConsoleFrame.write(out, ConsoleFrame.ATTACH, ConsoleFrame.attach(terminal.type(), size[0], size[1]));
        terminal.onResize(s -> send(ConsoleFrame.SIZE, ConsoleFrame.ints(s[0], s[1])));
        Thread keys = new Thread(() -> {
            byte[] buf = new byte[1024];
            try {
                for (int n; (n = keyboard.read(buf)) >= 0; ) {
                    ConsoleFrame.write(out, ConsoleFrame.INPUT, buf, 0, n);
                }
                ConsoleFrame.write(out, ConsoleFrame.INPUT_END, new byte[0]);
            } catch (IOException e) {
                // the phone closed the connection
            }
        }, "mppfw-attach-keys");
        keys.setDaemon(true);
        keys.start();
        return answer(stdout, stderr);
    }

    private void send(byte type, byte[] payload) {
        try {
            ConsoleFrame.write(out, type, payload);
        } catch (IOException e) {
            Log.debug(e);
        }
    }

    private int answer(PrintStream stdout, PrintStream stderr) throws IOException {
        for (ConsoleFrame f; (f = ConsoleFrame.read(in)) != null; ) {
            switch (f.type()) {
                case ConsoleFrame.OUTPUT:
                    stdout.write(f.payload());
                    stdout.flush();
                    break;
                case ConsoleFrame.ERROR:
                    stdout.flush();
                    stderr.write(f.payload());
                    stderr.flush();
                    break;
                case ConsoleFrame.EXIT:
                    return f.intAt(0);
                default:
                    throw new IOException("unexpected console frame " + (char) f.type());
            }
        }
        throw new IOException("the phone closed its console before the end of the run");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
