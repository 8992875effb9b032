package org.mppfw.lab.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One runnable example of the documentation: a command of a {@code ```console} block and the
 * output written under it. The convention is the one {@code docs/README.md} describes:
 * <ul>
 * <li>only fenced blocks tagged {@code console} are run; {@code sh}, {@code text}, {@code xml}
 * and the others are not;</li>
 * <li>in such a block a line starting with {@code $ } is a command for bash; it goes on over
 * the next lines while a quote is open, while a line ends with a backslash, and up to the end
 * line of a here-document ({@code <<EOF}, {@code <<'EOF'});</li>
 * <li>the lines after a command, up to the next command or the end of the block, are its
 * expected output ({@link ExpectedOutput}).</li>
 * </ul>
 *
 * @param page     the markdown file's name
 * @param line     the line of the command in it (1-based)
 * @param command  the command as bash gets it, without {@code $ }
 * @param expected the expected output lines
 */
record ConsoleExample(String page, int line, String command, List<String> expected) {

    private static final String FENCE = "```";
    private static final String PROMPT = "$ ";
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\2");

    /** Where the example is, for messages: {@code shell.md:42}. */
    String where() {
        return page + ":" + line;
    }

    /** The runnable examples of a markdown file, in their order. */
    static List<ConsoleExample> read(Path markdown) throws IOException {
        return parse(markdown.getFileName().toString(), Files.readAllLines(markdown));
    }

    /** The runnable examples of a page's lines; a malformed block is an {@link IllegalArgumentException}. */
    static List<ConsoleExample> parse(String page, List<String> lines) {
        List<ConsoleExample> examples = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String fence = lines.get(i).strip();
            i++;
            if (!fence.startsWith(FENCE)) {
                continue;
            }
            boolean console = fence.substring(FENCE.length()).strip().equals("console");
            int start = i;
            while (i < lines.size() && !lines.get(i).strip().equals(FENCE)) {
                i++;
            }
            if (i == lines.size()) {
                throw new IllegalArgumentException(page + ":" + start + ": a code block is not closed");
            }
            if (console) {
                block(page, lines, start, i, examples);
            }
            i++;
        }
        return examples;
    }

    /** The examples of the block's lines {@code [from, to)}. */
    private static void block(String page, List<String> lines, int from, int to, List<ConsoleExample> into) {
        int i = from;
        if (i == to || !lines.get(i).startsWith(PROMPT)) {
            throw new IllegalArgumentException(page + ":" + (from + 1) + ": a console block starts with a '$ ' command");
        }
        while (i < to) {
            int commandLine = i + 1;
            StringBuilder command = new StringBuilder(lines.get(i).substring(PROMPT.length()));
            i++;
            while (ShellText.continues(command.toString()) && i < to) {
                command.append('\n').append(lines.get(i));
                i++;
            }
            for (Heredoc h : heredocs(command.toString())) {
                boolean ended = false;
                while (i < to && !ended) {
                    String line = lines.get(i);
                    command.append('\n').append(line);
                    ended = (h.tabs() ? line.replaceFirst("^\t+", "") : line).equals(h.word());
                    i++;
                }
                if (!ended) {
                    throw new IllegalArgumentException(page + ":" + commandLine + ": the here-document has no " + h.word()
                            + " line");
                }
            }
            if (ShellText.continues(command.toString())) {
                throw new IllegalArgumentException(page + ":" + commandLine + ": the command does not end in its block");
            }
            List<String> expected = new ArrayList<>();
            while (i < to && !lines.get(i).startsWith(PROMPT)) {
                expected.add(lines.get(i));
                i++;
            }
            into.add(new ConsoleExample(page, commandLine, command.toString(), List.copyOf(expected)));
        }
    }

    private record Heredoc(String word, boolean tabs) {
    }

    /** The here-documents a command opens, outside quotes, in order ({@code <<<} is a here-string). */
    private static List<Heredoc> heredocs(String command) {
        List<Heredoc> found = new ArrayList<>();
        boolean[] quoted = ShellText.quoted(command);
        Matcher m = HEREDOC.matcher(command);
        while (m.find()) {
            boolean hereString = m.start() + 2 < command.length() && command.charAt(m.start() + 2) == '<'
                    || m.start() > 0 && command.charAt(m.start() - 1) == '<';
            if (!quoted[m.start()] && !hereString) {
                found.add(new Heredoc(m.group(3), !m.group(1).isEmpty()));
            }
        }
        return found;
    }
}
