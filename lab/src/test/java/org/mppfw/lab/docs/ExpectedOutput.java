package org.mppfw.lab.docs;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The output written under a command of a console block, compared with what the command
 * printed (standard output and error together, as a terminal shows them):
 * <ul>
 * <li>a line that is only {@code ...} stands for any number of lines, none included;</li>
 * <li>{@code ...} inside a line stands for any text within that line;</li>
 * <li>everything else is literal; spaces at the end of lines and blank lines at the end of
 * the output do not count.</li>
 * </ul>
 */
final class ExpectedOutput {

    static final String ANY = "...";

    private final List<String> lines;
    private final Pattern pattern;

    ExpectedOutput(List<String> lines) {
        this.lines = trim(lines);
        StringBuilder regex = new StringBuilder();
        for (String line : this.lines) {
            if (line.equals(ANY)) {
                regex.append("(?:.*\\n)*?");
            } else {
                String[] parts = line.split(Pattern.quote(ANY), -1);
                for (int i = 0; i < parts.length; i++) {
                    regex.append(i > 0 ? ".*?" : "").append(parts[i].isEmpty() ? "" : Pattern.quote(parts[i]));
                }
                regex.append("\\n");
            }
        }
        this.pattern = Pattern.compile(regex.toString());
    }

    /** Whether the printed text is what the lines say. */
    boolean matches(String printed) {
        return pattern.matcher(normalized(printed)).matches();
    }

    /** The expected lines, as compared. */
    String text() {
        return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
    }

    /** The printed text as compared: spaces at line ends and blank lines at the end removed. */
    static String normalized(String printed) {
        return trim(printed.lines().toList()).stream().map(l -> l + "\n").collect(Collectors.joining());
    }

    private static List<String> trim(List<String> lines) {
        List<String> stripped = lines.stream().map(String::stripTrailing).toList();
        int end = stripped.size();
        while (end > 0 && stripped.get(end - 1).isEmpty()) {
            end--;
        }
        return stripped.subList(0, end);
    }
}
