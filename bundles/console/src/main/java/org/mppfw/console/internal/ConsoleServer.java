package org.mppfw.console.internal;

import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;

import org.apache.felix.service.command.CommandProcessor;
import org.mppfw.layout.ConsoleAddress;
import org.mppfw.layout.ConsoleFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console socket of a data dir: listens where {@link ConsoleAddress} says, publishes the path,
 * and serves each client whose user is the phone's own in a {@link ConsoleSession} of its own.
 */
final class ConsoleServer implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);

    private final Path dataDir;
    private final Path socket;
    private final ServerSocketChannel server;
    private final CommandProcessor processor;
    private final UserPrincipal owner;
    private final Thread acceptor;

    private ConsoleServer(Path dataDir, Path socket, ServerSocketChannel server, CommandProcessor processor,
            UserPrincipal owner) {
        this.dataDir = dataDir;
        this.socket = socket;
        this.server = server;
        this.processor = processor;
        this.owner = owner;
        this.acceptor = new Thread(this::accept, "mppfw-console");
        acceptor.setDaemon(true);
    }

    /** Listens on the data dir's console socket (a socket left by a killed phone is replaced). */
    static ConsoleServer start(Path dataDir, CommandProcessor processor, Map<String, String> env) throws IOException {
        Path socket = ConsoleAddress.socketFor(dataDir, env);
        // the launcher holds the data dir's lock: a socket file here is a dead phone's
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            UserPrincipal owner = socket.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            ConsoleServer console = new ConsoleServer(dataDir, socket, server, processor, owner);
            ConsoleAddress.publish(dataDir, socket);
            console.acceptor.start();
            return console;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    Path socket() {
        return socket;
    }

    private void accept() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (AsynchronousCloseException e) {
                return;
            } catch (IOException e) {
                LOG.warn("console socket: {}", e.getMessage());
                return;
            }
            UserPrincipal peer = peerUser(client);
            if (!allowed(peer, owner)) {
                refuse(client, peer);
                continue;
            }
            Thread session = new Thread(new ConsoleSession(processor, client)::serve, "mppfw-console-session");
            session.setDaemon(true);
            session.start();
        }
    }

    /** Only the phone's own user: a peer that cannot be told is refused too. */
    static boolean allowed(UserPrincipal peer, UserPrincipal owner) {
        return peer != null && peer.equals(owner);
    }

    private static void refuse(SocketChannel client, UserPrincipal peer) {
        String who = peer == null ? "a user that cannot be told" : peer.getName();
        LOG.warn("console: refused a connection from {}", who);
        try (client) {
            DataOutputStream out = ConsoleFrame.output(client);
            ConsoleFrame.writeText(out, ConsoleFrame.ERROR, "mppfw: the phone takes commands from its own user only\n");
            ConsoleFrame.write(out, ConsoleFrame.EXIT, ConsoleFrame.ints(3));
        } catch (IOException e) {
            // gone
        }
    }

    /**
     * The user at the other end ({@code SO_PEERCRED}), or null. The option is in the JDK's
     * {@code jdk.net} module, which the framework does not export to bundles: it is read through
     * the platform class loader.
     */
    static UserPrincipal peerUser(SocketChannel client) {
        try {
            Class<?> options = Class.forName("jdk.net.ExtendedSocketOptions", true, ClassLoader.getPlatformClassLoader());
            SocketOption<?> peerCred = (SocketOption<?>) options.getField("SO_PEERCRED").get(null);
            Object principal = client.getOption(peerCred);
            return (UserPrincipal) principal.getClass().getMethod("user").invoke(principal);
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            LOG.debug("console: no peer credentials", e);
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        ConsoleAddress.withdraw(dataDir, socket);
    }
}
