package org.mppfw.display.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Screen;

/**
 * Draws the LCD as a colour phone screen of {@value #WIDTH}×{@value #HEIGHT} pixels with Java2D,
 * headless: a dark title bar (time, model, icons), the screen's title, the line keys on the
 * left, the body, a progress bar and the soft-key bar at the bottom.
 */
public final class PngRenderer {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 480;

    static final Color TITLE_BG = new Color(0x1b, 0x3b, 0x5a);
    static final Color HEADER_BG = new Color(0xe3, 0xe8, 0xee);
    static final Color BODY_BG = new Color(0xf7, 0xf8, 0xfa);
    static final Color KEY_BG = new Color(0xdd, 0xe3, 0xea);
    static final Color SOFT_BG = new Color(0x26, 0x2a, 0x30);
    static final Color TEXT = new Color(0x1e, 0x24, 0x2c);
    static final Color ACCENT = new Color(0x2f, 0x6f, 0xd6);
    static final Color OK = new Color(0x3c, 0xb3, 0x4a);
    static final Color WARN = new Color(0xf0, 0xa5, 0x1e);
    static final Color BAD = new Color(0xd9, 0x3b, 0x3b);
    static final Color MUTED = new Color(0x9a, 0xa3, 0xad);

    static final int TITLE_H = 48;
    static final int HEADER_H = 40;
    static final int SOFT_H = 60;
    static final int KEYS_W = 220;

    private static final String FAMILY = family();

    /** DejaVu Sans when installed (Debian's fonts-dejavu-core), else the logical sans-serif. */
    private static String family() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        return Arrays.asList(names).contains("DejaVu Sans") ? "DejaVu Sans" : Font.SANS_SERIF;
    }

    public BufferedImage render(Lcd lcd) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            draw(g, lcd);
        } finally {
            g.dispose();
        }
        return img;
    }

    public void write(Lcd lcd, OutputStream out) throws IOException {
        if (!ImageIO.write(render(lcd), "png", out)) {
            throw new IOException("no PNG writer");
        }
    }

    private void draw(Graphics2D g, Lcd lcd) {
        Screen s = lcd.screen();
        g.setColor(BODY_BG);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        // title bar
        g.setPaint(new GradientPaint(0, 0, TITLE_BG.brighter(), 0, TITLE_H, TITLE_BG));
        g.fillRect(0, 0, WIDTH, TITLE_H);
        g.setColor(Color.WHITE);
        g.setFont(font(Font.BOLD, 22));
        g.drawString(lcd.time(), 18, 32);
        g.setFont(font(Font.PLAIN, 18));
        centered(g, lcd.model(), 0, WIDTH, 31);
        icons(g, lcd.indicators());

        int top = TITLE_H;
        if (!s.title().isEmpty()) {
            g.setColor(HEADER_BG);
            g.fillRect(0, top, WIDTH, HEADER_H);
            g.setColor(TEXT);
            g.setFont(font(Font.BOLD, 20));
            centered(g, s.title(), 0, WIDTH, top + 27);
            top += HEADER_H;
        }
        int bottom = HEIGHT - SOFT_H;

        // line keys
        int left = 24;
        if (!s.lineKeys().isEmpty()) {
            int y = top + 10;
            g.setFont(font(Font.PLAIN, 18));
            for (String label : s.lineKeys()) {
                if (y + 46 > bottom) {
                    break;
                }
                g.setColor(KEY_BG);
                g.fillRoundRect(8, y, KEYS_W - 16, 46, 12, 12);
                g.setColor(lineColor(lcd.indicators()));
                g.fillOval(20, y + 15, 16, 16);
                g.setColor(TEXT);
                g.drawString(fit(g, label, KEYS_W - 64), 46, y + 30);
                y += 54;
            }
            g.setColor(KEY_BG);
            g.fillRect(KEYS_W, top, 2, bottom - top);
            left = KEYS_W + 24;
        }

        // body
        int right = WIDTH - 24;
        int y = top + 20;
        int row = 40;
        g.setFont(font(Font.PLAIN, 22));
        for (int i = 0; i < s.lines().size() && y + row <= bottom; i++) {
            String line = s.lines().get(i);
            if (s.isMenu() && i == s.selected()) {
                g.setColor(ACCENT);
                g.fillRoundRect(left - 10, y, right - left + 20, row - 4, 10, 10);
                g.setColor(Color.WHITE);
            } else {
                g.setColor(i == 0 && !s.isMenu() ? TEXT : TEXT.brighter());
            }
            g.setFont(font(i == 0 && !s.isMenu() ? Font.BOLD : Font.PLAIN, 22));
            g.drawString(fit(g, line, right - left), left, y + 27);
            y += row;
        }
        if (s.input() != null && y + row <= bottom) {
            g.setColor(Color.WHITE);
            g.fillRect(left - 4, y + 2, right - left + 8, row - 6);
            g.setColor(ACCENT);
            g.setStroke(new BasicStroke(2f));
            g.drawRect(left - 4, y + 2, right - left + 8, row - 6);
            g.setColor(TEXT);
            g.setFont(font(Font.PLAIN, 22));
            String text = fitTail(g, s.input(), right - left - 20);
            g.drawString(text, left + 4, y + 27);
            int cx = left + 6 + g.getFontMetrics().stringWidth(text);
            g.fillRect(cx, y + 9, 2, row - 20);
        }

        // progress
        if (s.progress() >= 0) {
            int py = bottom - 44;
            int pw = right - left - 70;
            g.setColor(KEY_BG);
            g.fillRoundRect(left, py, pw, 18, 18, 18);
            g.setColor(ACCENT);
            g.fillRoundRect(left, py, Math.max(18, pw * s.progress() / 100), 18, 18, 18);
            g.setColor(TEXT);
            g.setFont(font(Font.BOLD, 18));
            g.drawString(s.progress() + " %", left + pw + 12, py + 16);
        }

        // soft keys
        g.setColor(SOFT_BG);
        g.fillRect(0, bottom, WIDTH, SOFT_H);
        int n = Math.max(4, s.softKeys().size());
        int w = WIDTH / n;
        g.setFont(font(Font.PLAIN, 20));
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                g.setColor(SOFT_BG.brighter().brighter());
                g.fillRect(i * w, bottom + 12, 1, SOFT_H - 24);
            }
            if (i < s.softKeys().size()) {
                g.setColor(Color.WHITE);
                centered(g, fit(g, s.softKeys().get(i), w - 16), i * w, w, bottom + 37);
            }
        }
    }

    private void icons(Graphics2D g, Indicators ind) {
        int x = WIDTH - 30;
        // registration: a person (head and shoulders) in the state's colour, none without a line
        if (ind.registration() != Indicators.Registration.NONE) {
            g.setColor(switch (ind.registration()) {
                case REGISTERED -> OK;
                case REGISTERING -> WARN;
                default -> BAD;
            });
            g.fillOval(x - 1, 10, 12, 12);
            g.fill(new java.awt.geom.Arc2D.Double(x - 7, 24, 24, 20, 0, 180, java.awt.geom.Arc2D.CHORD));
            if (ind.registration() == Indicators.Registration.FAILED) {
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(2.5f));
                g.drawLine(x - 8, 12, x + 18, 36);
            }
            x -= 40;
        }
        // network: four rising bars, grey with a cross when down
        for (int i = 0; i < 4; i++) {
            g.setColor(ind.network() ? Color.WHITE : MUTED);
            int h = 6 + i * 5;
            g.fillRect(x - 24 + i * 7, 34 - h, 5, h);
        }
        if (!ind.network()) {
            g.setColor(BAD);
            g.setStroke(new BasicStroke(3f));
            g.drawLine(x - 26, 12, x + 2, 36);
        }
    }

    private static Color lineColor(Indicators ind) {
        return switch (ind.registration()) {
            case REGISTERED -> OK;
            case REGISTERING -> WARN;
            case FAILED -> BAD;
            case NONE -> MUTED;
        };
    }

    private static Font font(int style, int size) {
        return new Font(FAMILY, style, size);
    }

    private static void centered(Graphics2D g, String text, int x, int width, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, x + (width - fm.stringWidth(text)) / 2, baseline);
    }

    /** Keeps the end of the text, after an ellipsis, to fit the width (an input field's cursor is at the end). */
    private static String fitTail(Graphics2D g, String text, int width) {
        FontMetrics fm = g.getFontMetrics();
        String t = text;
        boolean cut = false;
        while (!t.isEmpty() && fm.stringWidth((cut ? "…" : "") + t) > width) {
            t = t.substring(1);
            cut = true;
        }
        return (cut ? "…" : "") + t;
    }

    /** Cuts the text with an ellipsis to fit the width. */
    private static String fit(Graphics2D g, String text, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
