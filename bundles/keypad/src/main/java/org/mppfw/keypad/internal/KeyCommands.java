package org.mppfw.keypad.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.keypad.Key;
import org.mppfw.api.keypad.Keypad;
import org.mppfw.api.keypad.TerminalKeys;
import org.mppfw.terminal.RawTerminal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Shell commands of scope {@code key}: press keys by name, or from the terminal's keyboard. */
@Component(service = KeyCommands.class, property = {
    "osgi.command.scope=key",
    "osgi.command.function=press",
    "osgi.command.function=live"
})
public final class KeyCommands {

    static final String LIVE_HELP = "key:live - digits * # as themselves, arrows, Enter = select, "
            + "Backspace/Esc = back, s = settings, F1-F4 or a-d = soft keys; q or Ctrl-D leaves";

    private final Keypad keypad;

    @Activate
    public KeyCommands(@Reference Keypad keypad) {
        this.keypad = keypad;
    }

    @Descriptor("press keys in order: 0-9 * # soft1..soft4 up down left right select back settings")
    public String press(@Descriptor("the keys") String... names) {
        List<Key> keys = new ArrayList<>();
        for (String n : names) {
            keys.add(Key.parse(n)); // all or nothing: a bad name presses no key
        }
        StringBuilder pressed = new StringBuilder("pressed");
        for (Key k : keys) {
            keypad.press(k);
            pressed.append(' ').append(echo(k));
        }
        return pressed.toString();
    }

    @Descriptor("map the terminal's keyboard to the phone's keys until q or Ctrl-D")
    public void live(CommandSession session) throws IOException {
        RawTerminal raw = RawTerminal.enter(session);
        try {
            run(raw.input(session), session.getConsole());
        } finally {
            raw.close();
        }
    }

    /**
     * How a pressed key is echoed: the keys that type text ({@code 0}-{@code 9}, {@code *},
     * {@code #}) as {@code .}, since they may be typing a password; the others by name.
     */
    static String echo(Key k) {
        return k.isDigit() || k == Key.STAR || k == Key.POUND ? "." : k.label();
    }

    /** Presses the keys read from {@code in} until the user leaves; tells each on {@code out}. */
    int run(InputStream in, PrintStream out) throws IOException {
        out.print(LIVE_HELP + "\r\n");
        out.flush();
        TerminalKeys keys = new TerminalKeys(in);
        int n = 0;
        for (TerminalKeys.Input i = keys.next(); !(i instanceof TerminalKeys.Quit); i = keys.next()) {
            if (i instanceof TerminalKeys.Press p) {
                keypad.press(p.key());
                out.print(echo(p.key()) + " ");
                out.flush();
                n++;
            }
        }
        out.print("\r\n");
        out.flush();
        return n;
    }
}
