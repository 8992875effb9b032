package org.mppfw.ssh.internal;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

import org.mppfw.api.config.Access;
import org.mppfw.api.config.Parameter;
import org.mppfw.api.config.ParameterStore;

/**
 * The dispatcher of the user-level login: a fixed list of read-only commands. A line is split by
 * {@link UserLine} (no Gogo parsing); its first word is looked up in the list below, and nothing
 * else is ever run:
 * <ul>
 * <li>a Gogo command of {@link #GOGO} takes no argument and is run as the list's own constant text
 *     (never as the text the user typed);
 * <li>{@code param:get NAME} reads the parameter from the store itself when it is neither secret
 *     nor hidden from the user ({@code ua=na}); any other name gets the same one answer, so that it
 *     does not tell which hidden parameters exist;
 * <li>{@code help} lists them; {@code exit} and {@code quit} are handled by the shell.
 * </ul>
 */
final class UserCommands {

    /** The Gogo commands of the user level, each run as exactly this text. */
    static final List<String> GOGO = List.of("prov:status", "fw:status", "sys:info", "sys:boots", "disc:status",
            "lcd:show");

    /** Runs one of {@link #GOGO} and renders its result as the shell would. */
    @FunctionalInterface
    interface Gogo {
        String run(String fixedCommand) throws Exception;
    }

    private final ParameterStore store;
    private final Gogo gogo;

    UserCommands(ParameterStore store, Gogo gogo) {
        this.store = store;
        this.gogo = gogo;
    }

    /**
     * Runs one line.
     *
     * @return the exit status: 0, or 1 when the line was refused or its command failed
     */
    int run(String line, PrintWriter out) {
        List<String> words;
        try {
            words = UserLine.words(line);
        } catch (IllegalArgumentException e) {
            out.println("Error: " + e.getMessage());
            return 1;
        }
        if (words.isEmpty()) {
            return 0;
        }
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        if (name.equals("help")) {
            out.println(help());
            return 0;
        }
        if (name.equals("param:get")) {
            if (args.size() != 1) {
                out.println("Error: usage: param:get NAME");
                return 1;
            }
            return paramGet(args.get(0), out);
        }
        int i = GOGO.indexOf(name);
        if (i < 0) {
            out.println("Error: '" + name + "' is not a user-level command ('help' lists them)");
            return 1;
        }
        if (!args.isEmpty()) {
            out.println("Error: " + name + " takes no arguments");
            return 1;
        }
        try {
            out.println(gogo.run(GOGO.get(i)));
            return 0;
        } catch (Exception e) {
            out.println("Error: " + name + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("")));
            return 1;
        }
    }

    private int paramGet(String name, PrintWriter out) {
        Optional<Parameter> p = store.parameter(name);
        if (p.isEmpty() || p.get().definition().secret() || p.get().access() == Access.NA) {
            out.println("Error: no parameter '" + name + "' readable at user level");
            return 1;
        }
        out.println(p.get().value());
        return 0;
    }

    static String help() {
        StringBuilder sb = new StringBuilder("user-level commands (read-only):\n");
        for (String c : GOGO) {
            sb.append("  ").append(c).append('\n');
        }
        sb.append("  param:get NAME   a parameter the user account may read (not a secret)\n");
        sb.append("  help\n  exit");
        return sb.toString();
    }
}
