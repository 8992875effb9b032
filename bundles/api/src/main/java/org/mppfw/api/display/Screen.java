package org.mppfw.api.display;

import java.util.List;
import java.util.Objects;

/**
 * What the LCD shows: a title bar, a body of lines, soft-key labels and an optional progress.
 *
 * @param title    the title bar text
 * @param lines    the body, top to bottom
 * @param selected index of the highlighted body line, or -1
 * @param softKeys labels of the soft keys, left to right
 * @param progress 0..100, or -1 for none
 */
public record Screen(String title, List<String> lines, int selected, List<String> softKeys, int progress) {

    public Screen {
        Objects.requireNonNull(title);
        lines = List.copyOf(lines);
        softKeys = List.copyOf(softKeys);
    }

    public static Screen of(String title, String... lines) {
        return new Screen(title, List.of(lines), -1, List.of(), -1);
    }
}
