package org.mppfw.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

class RawTerminalTest {

    /** A shell session whose {@code .terminal} is {@code terminal} and whose keyboard is {@code keyboard}. */
    static CommandSession session(Object terminal, InputStream keyboard) {
        return (CommandSession) Proxy.newProxyInstance(RawTerminalTest.class.getClassLoader(),
                new Class<?>[] {CommandSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> ".terminal".equals(args[0]) ? terminal : null;
                    case "getKeyboard" -> keyboard;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void withoutAJLineTerminalTheSessionsKeyboardIsRead() {
        InputStream keyboard = new ByteArrayInputStream(new byte[] {'1'});
        try (RawTerminal raw = RawTerminal.enter(session(null, keyboard))) {
            assertSame(keyboard, raw.input(session(null, keyboard)));
        }
        Object notATerminal = "some other shell's terminal";
        try (RawTerminal raw = RawTerminal.enter(session(notATerminal, keyboard))) {
            assertSame(keyboard, raw.input(session(notATerminal, keyboard)));
        }
    }

    @Test
    void aJLineTerminalIsRawWhileTheLiveModeRunsAndGetsItsModeBack() throws IOException {
        byte[] typed = "ab".getBytes(StandardCharsets.US_ASCII);
        try (Terminal terminal = TerminalBuilder.builder().system(false).type("xterm")
                .streams(new ByteArrayInputStream(typed), new ByteArrayOutputStream()).build()) {
            Attributes cooked = terminal.getAttributes();
            assertTrue(cooked.getLocalFlag(Attributes.LocalFlag.ECHO));
            assertTrue(cooked.getLocalFlag(Attributes.LocalFlag.ICANON));
            InputStream keyboard = new ByteArrayInputStream(new byte[0]);
            CommandSession session = session(terminal, keyboard);
            try (RawTerminal raw = RawTerminal.enter(session)) {
                Attributes during = terminal.getAttributes();
                assertFalse(during.getLocalFlag(Attributes.LocalFlag.ECHO), "no echo");
                assertFalse(during.getLocalFlag(Attributes.LocalFlag.ICANON), "no line editing");
                InputStream in = raw.input(session);
                assertNotSame(keyboard, in, "the terminal's own input");
                assertEquals('a', in.read());
                assertEquals('b', in.read());
            }
            Attributes after = terminal.getAttributes();
            assertTrue(after.getLocalFlag(Attributes.LocalFlag.ECHO));
            assertTrue(after.getLocalFlag(Attributes.LocalFlag.ICANON));
        }
    }

    /** An input like JLine's: {@code available()} says 0, {@code peek(timeout)} sees what is pending. */
    public static final class Pumped extends InputStream {
        final ByteArrayInputStream bytes;
        final List<Long> timeouts = new ArrayList<>();

        Pumped(byte[] b) {
            bytes = new ByteArrayInputStream(b);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int available() {
            return 0;
        }

        public int peek(long timeout) {
            timeouts.add(timeout);
            bytes.mark(1);
            int c = bytes.read();
            bytes.reset();
            return c < 0 ? -2 : c;
        }
    }

    @Test
    void availableOfAPeekingInputAsksPeekForTheRestOfASequence() throws IOException {
        Pumped pumped = new Pumped("\u001b[".getBytes(StandardCharsets.US_ASCII));
        InputStream in = RawTerminal.peeking(pumped);
        assertEquals(0x1b, in.read());
        assertEquals(1, in.available(), "the '[' is pending");
        assertEquals('[', in.read());
        assertEquals(0, in.available(), "nothing more came");
        assertEquals(List.of(RawTerminal.SEQUENCE_MS, RawTerminal.SEQUENCE_MS), pumped.timeouts);
    }

    @Test
    void anInputWithoutPeekIsLeftAsItIs() {
        InputStream in = new ByteArrayInputStream(new byte[1]);
        assertSame(in, RawTerminal.peeking(in));
    }
}
