package org.mppfw.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ConsoleFrameTest {

    @Test
    void framesGoThroughAsWritten() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        ConsoleFrame.writeText(out, ConsoleFrame.COMMANDS, "param:get GPP_B; sys:info");
        ConsoleFrame.write(out, ConsoleFrame.ATTACH, ConsoleFrame.attach("xterm-256color", 132, 43));
        ConsoleFrame.write(out, ConsoleFrame.INPUT, new byte[] {'a', 3, 'b'}, 1, 1);
        ConsoleFrame.write(out, ConsoleFrame.INPUT_END, new byte[0]);
        ConsoleFrame.write(out, ConsoleFrame.EXIT, ConsoleFrame.ints(1));

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals("param:get GPP_B; sys:info", ConsoleFrame.read(in).text());
        ConsoleFrame attach = ConsoleFrame.read(in);
        assertEquals(ConsoleFrame.ATTACH, attach.type());
        assertEquals("xterm-256color", attach.terminalType());
        assertEquals(132, attach.intAt(0));
        assertEquals(43, attach.intAt(1));
        assertArrayEquals(new byte[] {3}, ConsoleFrame.read(in).payload());
        assertEquals(0, ConsoleFrame.read(in).payload().length);
        assertEquals(1, ConsoleFrame.read(in).intAt(0));
        assertNull(ConsoleFrame.read(in), "the end of the stream between frames");
    }

    @Test
    void theLayoutIsTypeLengthPayload() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleFrame.write(new DataOutputStream(bytes), ConsoleFrame.EXIT, ConsoleFrame.ints(75));
        assertArrayEquals(new byte[] {'X', 0, 0, 0, 4, 0, 0, 0, 75}, bytes.toByteArray());
    }

    @Test
    void badFramesEndTheConnection() {
        assertThrows(IOException.class, () -> read(new byte[] {'Z', 0, 0, 0, 0}), "unknown type");
        assertThrows(IOException.class, () -> read(new byte[] {'O', 0, 0, 0, 5, 'a', 'b'}), "cut short");
        assertThrows(IOException.class, () -> read(new byte[] {'O', 0, 0}), "length cut short");
        assertThrows(IOException.class, () -> read(new byte[] {'O', 0x7f, 0, 0, 0}), "longer than the limit");
        assertThrows(IOException.class, () -> read(new byte[] {'O', (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}),
                "negative length");
        assertThrows(IOException.class, () -> new ConsoleFrame(ConsoleFrame.EXIT, new byte[2]).intAt(0), "short int");
        assertThrows(IOException.class, () -> new ConsoleFrame(ConsoleFrame.ATTACH, new byte[7]).terminalType());
        byte[] big = new byte[ConsoleFrame.MAX_LENGTH + 1];
        Arrays.fill(big, (byte) 'x');
        assertThrows(IOException.class,
                () -> ConsoleFrame.write(new DataOutputStream(new ByteArrayOutputStream()), ConsoleFrame.OUTPUT, big));
    }

    private static ConsoleFrame read(byte[] bytes) throws IOException {
        return ConsoleFrame.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }
}
