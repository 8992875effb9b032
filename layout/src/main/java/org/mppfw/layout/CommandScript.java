package org.mppfw.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commands of {@code bin/mppfw -c}, run by the launcher in a command run and by the running
 * phone's console alike. Splits the text of {@code -c} into commands: at {@code ;} and newlines that are outside quotes
 * and outside {@code {}}, {@code ()} and {@code []}, so Gogo closures and sub-commands stay whole.
 */
public final class CommandScript {

    private CommandScript() {
    }

    public static List<String> split(String script) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == '\\' && quote == '"' && i + 1 < script.length()) {
                    current.append(script.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '\\':
                    current.append(c);
                    if (i + 1 < script.length()) {
                        current.append(script.charAt(++i));
                    }
                    break;
                case '\'':
                case '"':
                    quote = c;
                    current.append(c);
                    break;
                case '{':
                case '(':
                case '[':
                    depth++;
                    current.append(c);
                    break;
                case '}':
                case ')':
                case ']':
                    depth = Math.max(0, depth - 1);
                    current.append(c);
                    break;
                case ';':
                case '\n':
                case '\r':
                    if (depth == 0) {
                        add(commands, current);
                    } else {
                        current.append(c);
                    }
                    break;
                default:
                    current.append(c);
            }
        }
        add(commands, current);
        return commands;
    }

    /**
     * The scope and function a command starts with, for waiting until it is registered:
     * {@code sys:info -x} gives {@code [sys, info]}; a command without a scope gives empty.
     */
    public static Optional<String[]> scopedFunction(String command) {
        String first = command.trim().split("\\s+", 2)[0];
        int colon = first.indexOf(':');
        if (colon <= 0 || colon == first.length() - 1) {
            return Optional.empty();
        }
        String scope = first.substring(0, colon);
        String function = first.substring(colon + 1);
        if (!scope.matches("[A-Za-z0-9_.-]+") || !function.matches("[A-Za-z0-9_.-]+")) {
            return Optional.empty();
        }
        return Optional.of(new String[] {scope, function});
    }

    /**
     * The one line a failed command prints after {@code Error: }: the message of what the command
     * threw (not of the reflective wrapper around it), its first line only.
     */
    public static String message(Throwable t) {
        while (t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t == null ? null : t.getMessage();
        if (m == null || m.isBlank()) {
            return t == null ? "unknown error" : t.getClass().getSimpleName();
        }
        String line = m.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip();
    }

    private static void add(List<String> commands, StringBuilder current) {
        String command = current.toString().trim();
        if (!command.isEmpty()) {
            commands.add(command);
        }
        current.setLength(0);
    }
}
