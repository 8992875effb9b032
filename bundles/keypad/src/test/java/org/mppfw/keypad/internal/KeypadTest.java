package org.mppfw.keypad.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mppfw.api.keypad.Key;
import org.mppfw.api.keypad.KeyListener;
import org.mppfw.terminal.RawTerminal;

class KeypadTest {

    private final KeypadService keypad = new KeypadService();
    private final List<Key> heard = new ArrayList<>();
    private final KeyCommands commands = new KeyCommands(keypad);

    KeypadTest() {
        keypad.addListener(heard::add);
    }

    @Test
    void everyKeyHasALabelThatParsesBack() {
        for (Key k : Key.values()) {
            assertEquals(k, Key.parse(k.label()));
            assertEquals(k, Key.parse(k.label().toUpperCase()));
        }
        assertEquals(Key.SELECT, Key.parse("ok"));
        assertEquals(Key.POUND, Key.parse("pound"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Key.parse("soft5"));
        assertTrue(e.getMessage().contains("soft4"), e.getMessage());
    }

    @Test
    void pressHandsTheKeysInOrderToEveryListener() {
        List<Key> second = new ArrayList<>();
        keypad.addListener(second::add);
        assertEquals("pressed . . . . soft1 down select", commands.press("1", "2", "3", "#", "soft1", "down", "select"));
        List<Key> expected = List.of(Key.D1, Key.D2, Key.D3, Key.POUND, Key.SOFT1, Key.DOWN, Key.SELECT);
        assertEquals(expected, heard);
        assertEquals(expected, second);
    }

    @Test
    void aBadKeyNamePressesNothing() {
        assertThrows(IllegalArgumentException.class, () -> commands.press("1", "enterr", "2"));
        assertEquals(List.of(), heard);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        KeyListener broken = k -> {
            throw new IllegalStateException("broken");
        };
        KeypadService k = new KeypadService();
        List<Key> after = new ArrayList<>();
        k.addListener(broken);
        k.addListener(after::add);
        k.press(Key.SETTINGS);
        assertEquals(List.of(Key.SETTINGS), after);
        k.removeListener(broken);
        k.press(Key.BACK);
        assertEquals(List.of(Key.SETTINGS, Key.BACK), after);
    }

    @Test
    void liveModeMapsTheTerminalKeyboardUntilQ() throws Exception {
        byte[] typed = ("12*#s\r" + "\u001b[A\u001b[B\u001b[C\u001b[D" + "\u001bOP\u001b[14~" + "\u007f" + "xa" + "q" + "9")
                .getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        int n = commands.run(new ByteArrayInputStream(typed), new PrintStream(shown, true, StandardCharsets.UTF_8));
        assertEquals(List.of(Key.D1, Key.D2, Key.STAR, Key.POUND, Key.SETTINGS, Key.SELECT, Key.UP, Key.DOWN, Key.RIGHT,
                Key.LEFT, Key.SOFT1, Key.SOFT4, Key.BACK, Key.SOFT1), heard);
        assertEquals(14, n);
        assertTrue(shown.toString(StandardCharsets.UTF_8).contains(". . . . settings select up"), shown.toString());
    }

    @Test
    void liveModeEndsOnCtrlDOrTheEndOfInput() throws Exception {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(1, commands.run(new ByteArrayInputStream(new byte[] {'5', 4, '6'}), out));
        assertEquals(1, commands.run(new ByteArrayInputStream(new byte[] {'7'}), out));
        assertEquals(List.of(Key.D5, Key.D7), heard);
    }

    /** An input like JLine's: {@code available()} says 0 while bytes are pending; {@code peek} sees them. */
    public static final class PumpedInput extends java.io.InputStream {
        private final ByteArrayInputStream bytes;

        PumpedInput(byte[] b) {
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
            bytes.mark(1);
            int c = bytes.read();
            bytes.reset();
            return c < 0 ? -2 : c;
        }
    }

    @Test
    void anArrowFromATerminalWhosePumpHoldsTheSequenceIsStillAnArrow() throws Exception {
        byte[] typed = "\u001b[B\u001b5\u001b".getBytes(StandardCharsets.US_ASCII);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        commands.run(new PumpedInput(typed), out);
        assertEquals(List.of(Key.BACK), heard.subList(0, 1), "without peeking the arrow is Escape then letters");
        heard.clear();
        commands.run(RawTerminal.peeking(new PumpedInput(typed)), out);
        assertEquals(List.of(Key.DOWN, Key.BACK, Key.D5, Key.BACK), heard,
                "an Escape before a plain key, or alone at the end, is still Back");
    }
}
