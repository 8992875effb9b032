package org.mppfw.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Map;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.layout.ConsoleAddress;
import org.mppfw.layout.ConsoleFrame;

/** The console socket with Gogo's real command processor (no framework) and a client of the same user. */
class ConsoleServerTest {

    @TempDir
    Path data;

    private ThreadIOImpl threadIO;
    private ConsoleServer server;

    /** Commands of the test scope. */
    public static final class Commands {
        public String hello() {
            return "hi";
        }

        public void fail() {
            throw new IllegalStateException("broken\n\tat somewhere");
        }
    }

    @BeforeEach
    void start() throws IOException {
        threadIO = new ThreadIOImpl();
        threadIO.start();
        CommandProcessorImpl processor = new CommandProcessorImpl(threadIO);
        processor.addCommand("test", new Commands());
        server = ConsoleServer.start(data, processor, Map.of());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        threadIO.stop();
    }

    @Test
    void commandsRunInThePhoneWithTheRulesOfACommandRun() throws IOException {
        assertEquals("hi\nhi\n", run("test:hello; test:hello", 0));
        assertEquals("hi\nError: broken\n", run("test:hello\ntest:fail; test:hello", 1));
        assertEquals("", run("", 0));
    }

    @Test
    void thePublishedSocketIsWithdrawnOnClose() throws IOException {
        assertEquals(data.resolve("run/console.sock"), ConsoleAddress.published(data).orElseThrow());
        server.close();
        assertTrue(ConsoleAddress.published(data).isEmpty());
    }

    @Test
    void onlyThePhonesOwnUserIsServed() throws IOException {
        UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal me = users.lookupPrincipalByName(System.getProperty("user.name"));
        UserPrincipal nobody = users.lookupPrincipalByName("nobody");
        assertTrue(ConsoleServer.allowed(me, me));
        assertFalse(ConsoleServer.allowed(nobody, me));
        assertFalse(ConsoleServer.allowed(null, me), "a peer that cannot be told is refused");
        try (SocketChannel client = connect()) {
            assertEquals(me, ConsoleServer.peerUser(client), "SO_PEERCRED names the client's user");
        }
    }

    private SocketChannel connect() throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(ConsoleAddress.published(data).orElseThrow()));
        return ch;
    }

    private String run(String commands, int expectedStatus) throws IOException {
        try (SocketChannel ch = connect()) {
            DataOutputStream out = ConsoleFrame.output(ch);
            DataInputStream in = ConsoleFrame.input(ch);
            ConsoleFrame.writeText(out, ConsoleFrame.COMMANDS, commands);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            for (ConsoleFrame f; (f = ConsoleFrame.read(in)) != null; ) {
                if (f.type() == ConsoleFrame.OUTPUT) {
                    output.write(f.payload());
                } else if (f.type() == ConsoleFrame.EXIT) {
                    assertEquals(expectedStatus, f.intAt(0), output.toString(StandardCharsets.UTF_8));
                    return output.toString(StandardCharsets.UTF_8);
                }
            }
            throw new AssertionError("no exit status; output: " + output.toString(StandardCharsets.UTF_8));
        }
    }
}
