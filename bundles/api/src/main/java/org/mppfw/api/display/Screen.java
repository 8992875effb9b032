package org.mppfw.api.display;

import java.util.List;
import java.util.Objects;

/**
 * What the LCD shows below its title bar: a screen title, the line-key labels on the left, a
 * body, soft-key labels and an optional progress. The body is status lines, or a menu when
 * {@code selected} is 0 or more, or an input field when {@code input} is not null.
 *
 * @param title    the screen's title (the title bar shows it next to the time and the model)
 * @param lines    the body, top to bottom
 * @param selected index of the highlighted body line, or -1
 * @param softKeys labels of the soft keys, left to right
 * @param progress 0..100, or -1 for none
 * @param lineKeys labels of the line keys, top to bottom (since 1.1)
 * @param input    the text of the input field, or null for none (since 1.1)
 */
public record Screen(String title, List<String> lines, int selected, List<String> softKeys, int progress,
        List<String> lineKeys, String input) {

    public Screen {
        Objects.requireNonNull(title);
        lines = List.copyOf(lines);
        softKeys = List.copyOf(softKeys);
        lineKeys = List.copyOf(lineKeys);
        if (progress < -1 || progress > 100) {
            throw new IllegalArgumentException("progress must be -1 or 0..100: " + progress);
        }
        if (selected < -1 || selected >= Math.max(lines.size(), 1)) {
            throw new IllegalArgumentException("selected out of range: " + selected);
        }
    }

    /** A screen without line keys and input field, as in 1.0. */
    public Screen(String title, List<String> lines, int selected, List<String> softKeys, int progress) {
        this(title, lines, selected, softKeys, progress, List.of(), null);
    }

    public static Screen of(String title, String... lines) {
        return new Screen(title, List.of(lines), -1, List.of(), -1);
    }

    /** A menu: the body lines are its items, one highlighted. */
    public static Screen menu(String title, List<String> items, int selected) {
        return new Screen(title, items, selected, List.of(), -1);
    }

    /** An input field under a prompt. */
    public static Screen input(String title, String prompt, String value) {
        return new Screen(title, List.of(prompt), -1, List.of(), -1, List.of(), Objects.requireNonNull(value));
    }

    /** True when the body is a menu. */
    public boolean isMenu() {
        return selected >= 0;
    }

    public Screen withSoftKeys(String... labels) {
        return new Screen(title, lines, selected, List.of(labels), progress, lineKeys, input);
    }

    public Screen withLineKeys(List<String> labels) {
        return new Screen(title, lines, selected, softKeys, progress, labels, input);
    }

    public Screen withProgress(int percent) {
        return new Screen(title, lines, selected, softKeys, percent, lineKeys, input);
    }
}
