package org.mppfw.display.internal;

import java.util.ArrayList;
import java.util.List;

import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Screen;

/**
 * Draws the LCD as a box of text {@value #WIDTH} columns wide, for the shell: title bar, screen
 * title, line keys on the left of the body, the body, the progress bar and the soft keys.
 */
public final class TextRenderer {

    /** Columns, borders included. */
    public static final int WIDTH = 48;
    /** Body rows at least, as on the phone. */
    static final int BODY_ROWS = 5;
    private static final int INNER = WIDTH - 4;
    private static final int KEY = 10;

    /** The columns a body line has, beside the line keys or without them. */
    static int bodyColumns(boolean lineKeys) {
        return INNER - (lineKeys ? KEY + 3 : 0);
    }

    public String render(Lcd lcd) {
        Screen s = lcd.screen();
        List<String> out = new ArrayList<>();
        String rule = "+" + "-".repeat(WIDTH - 2) + "+";
        out.add(rule);
        out.add(row(spread(lcd.time() + "  " + lcd.model(), icons(lcd.indicators()))));
        out.add(rule);
        if (!s.title().isEmpty()) {
            out.add(row(s.title()));
            out.add(rule);
        }
        List<String> body = new ArrayList<>();
        for (int i = 0; i < s.lines().size(); i++) {
            String line = s.lines().get(i);
            body.add(s.isMenu() ? (i == s.selected() ? "> " : "  ") + line : line);
        }
        if (s.input() != null) {
            // the field shows the end of the text, where the cursor is
            int field = INNER - (s.lineKeys().isEmpty() ? 0 : KEY + 3) - 2;
            String text = s.input() + "_";
            if (text.length() > field) {
                text = "~" + text.substring(text.length() - field + 1);
            }
            body.add("[" + pad(text, field) + "]");
        }
        int rows = Math.max(BODY_ROWS, Math.max(body.size(), s.lineKeys().size()));
        for (int i = 0; i < rows; i++) {
            String text = i < body.size() ? body.get(i) : "";
            if (!s.lineKeys().isEmpty()) {
                String key = i < s.lineKeys().size() ? "[" + pad(s.lineKeys().get(i), KEY) + "]" : " ".repeat(KEY + 2);
                text = key + " " + text;
            }
            out.add(row(text));
        }
        if (s.progress() >= 0) {
            int bar = INNER - 7;
            int done = bar * s.progress() / 100;
            out.add(row("[" + "#".repeat(done) + ".".repeat(bar - done) + "] " + String.format("%3d%%", s.progress())));
        }
        out.add(rule);
        StringBuilder keys = new StringBuilder();
        for (String k : s.softKeys()) {
            if (keys.length() > 0) {
                keys.append(' ');
            }
            keys.append('[').append(k).append(']');
        }
        out.add(row(keys.toString()));
        out.add(rule);
        return String.join("\n", out) + "\n";
    }

    static String icons(Indicators i) {
        String net = i.network() ? "net:up" : "net:down";
        return switch (i.registration()) {
            case NONE -> net;
            case REGISTERING -> net + " reg:..";
            case REGISTERED -> net + " reg:ok";
            case FAILED -> net + " reg:fail";
        };
    }

    private static String spread(String left, String right) {
        int gap = INNER - left.length() - right.length();
        return gap < 1 ? left + " " + right : left + " ".repeat(gap) + right;
    }

    private static String row(String text) {
        return "| " + pad(text, INNER) + " |";
    }

    /** Pads to exactly {@code width} columns, cutting with {@code ~} when too long. */
    static String pad(String text, int width) {
        if (text.length() > width) {
            return text.substring(0, width - 1) + "~";
        }
        return text + " ".repeat(width - text.length());
    }
}
