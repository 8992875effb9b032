package org.mppfw.api.keypad;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * How a terminal's keyboard maps to the phone's keys, for every live terminal mode (since 1.1):
 * digits, {@code *} and {@code #} as themselves; the arrow keys; Enter for Select; Backspace and
 * Escape for Back; {@code s} for Settings; F1..F4 (and {@code a}..{@code d}) for the soft keys.
 * {@code q} and Ctrl-D end the mode.
 */
public final class TerminalKeys {

    /** What one read produced. */
    public sealed interface Input permits Press, Quit, Ignored {
    }

    /** A phone key. */
    public record Press(Key key) implements Input {
    }

    /** The user leaves the live mode ({@code q}, Ctrl-D or the end of the input). */
    public record Quit() implements Input {
    }

    /** A byte that maps to no key. */
    public record Ignored(int code) implements Input {
    }

    private final InputStream in;
    /** A byte read after an Escape that began no sequence, or -1. */
    private int pending = -1;

    public TerminalKeys(InputStream in) {
        this.in = in;
    }

    /** Reads until one input is complete; an escape sequence counts as one. */
    public Input next() throws IOException {
        int c = pending >= 0 ? pending : in.read();
        pending = -1;
        if (c < 0 || c == 4 || c == 'q' || c == 'Q') {
            return new Quit();
        }
        return switch (c) {
            case '\r', '\n' -> new Press(Key.SELECT);
            case 127, 8 -> new Press(Key.BACK);
            case '*' -> new Press(Key.STAR);
            case '#' -> new Press(Key.POUND);
            case 's', 'S' -> new Press(Key.SETTINGS);
            case 'a', 'b', 'c', 'd' -> new Press(Key.values()[Key.SOFT1.ordinal() + c - 'a']);
            case 27 -> escape();
            default -> c >= '0' && c <= '9' ? new Press(Key.digit(c - '0')) : new Ignored(c);
        };
    }

    /**
     * ESC alone (nothing follows at once, or a byte that begins no sequence) is Back; ESC [ A..D
     * the arrows; ESC O P..S (or ESC [ 1 1..1 4 ~) F1..F4.
     */
    private Input escape() throws IOException {
        if (in.available() == 0) {
            return new Press(Key.BACK);
        }
        int intro = in.read();
        if (intro != '[' && intro != 'O') {
            pending = intro; // Escape, then a key of its own
            return new Press(Key.BACK);
        }
        int c = in.read();
        Optional<Key> key = switch (c) {
            case 'A' -> Optional.of(Key.UP);
            case 'B' -> Optional.of(Key.DOWN);
            case 'C' -> Optional.of(Key.RIGHT);
            case 'D' -> Optional.of(Key.LEFT);
            case 'P', 'Q', 'R', 'S' -> Optional.of(Key.values()[Key.SOFT1.ordinal() + c - 'P']);
            case '1' -> function();
            default -> Optional.empty();
        };
        return key.<Input>map(Press::new).orElse(new Ignored(c));
    }

    /** The rest of ESC [ 1 1 ~ .. ESC [ 1 4 ~ (F1..F4 on some terminals). */
    private Optional<Key> function() throws IOException {
        int d = in.read();
        int tilde = in.read();
        if (tilde == '~' && d >= '1' && d <= '4') {
            return Optional.of(Key.values()[Key.SOFT1.ordinal() + d - '1']);
        }
        return Optional.empty();
    }
}
