package org.mppfw.terminal;

import java.io.InputStream;
import java.lang.reflect.Method;

import org.apache.felix.service.command.CommandSession;

/**
 * The shell's terminal in raw mode (no line editing, no echo) while a live mode runs, when the
 * shell is Gogo's JLine shell (its terminal is the session variable {@code .terminal}); any other
 * shell keeps its own mode and the live mode reads its keyboard as it comes.
 */
public final class RawTerminal implements AutoCloseable {

    /** How long the rest of an escape sequence may take to arrive after its Escape. */
    public static final long SEQUENCE_MS = 50;

    private final Object terminal;
    private final Object saved;

    private RawTerminal(Object terminal, Object saved) {
        this.terminal = terminal;
        this.saved = saved;
    }

    public static RawTerminal enter(CommandSession session) {
        Object t = session.get(".terminal");
        if (t == null) {
            return new RawTerminal(null, null);
        }
        try {
            Object attributes = method(t, "enterRawMode").invoke(t);
            return new RawTerminal(t, attributes);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new RawTerminal(null, null);
        }
    }

    /** The terminal's own input when raw, else the session's keyboard. */
    public InputStream input(CommandSession session) {
        if (terminal != null) {
            try {
                return peeking((InputStream) method(terminal, "input").invoke(terminal));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall back to the session's keyboard
            }
        }
        return session.getKeyboard();
    }

    /**
     * JLine's input answers {@code available()} with 0 while the rest of an escape sequence is
     * still in its pump: this asks it to peek for up to {@link #SEQUENCE_MS} instead, so that an
     * arrow key is not read as Escape then two letters (a lone Escape still ends as Back).
     */
    public static InputStream peeking(InputStream in) {
        Method peek;
        try {
            peek = in.getClass().getMethod("peek", long.class);
        } catch (NoSuchMethodException | RuntimeException e) {
            return in;
        }
        return new java.io.FilterInputStream(in) {
            @Override
            public int available() throws java.io.IOException {
                try {
                    return ((Integer) peek.invoke(in, SEQUENCE_MS)) >= 0 ? 1 : 0;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return super.available();
                }
            }
        };
    }

    @Override
    public void close() {
        if (terminal != null && saved != null) {
            try {
                for (Method m : publicInterface(terminal).getMethods()) {
                    if (m.getName().equals("setAttributes") && m.getParameterCount() == 1) {
                        m.invoke(terminal, saved);
                        return;
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // the shell restores its own mode at its next prompt
            }
        }
    }

    /** A method of the terminal's public interface (its implementation class may be hidden). */
    private static Method method(Object o, String name) throws NoSuchMethodException {
        return publicInterface(o).getMethod(name);
    }

    private static Class<?> publicInterface(Object o) {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals("org.jline.terminal.Terminal")) {
                    return i;
                }
            }
        }
        return o.getClass();
    }
}
