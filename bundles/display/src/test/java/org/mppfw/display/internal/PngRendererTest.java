package org.mppfw.display.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Screen;

class PngRendererTest {

    private static final int TOLERANCE = 24;

    static final Lcd IDLE = new Lcd("02:24", "CP-8845-3PCC", Indicators.DEFAULT,
            new Screen("", List.of("Wednesday, December 2"), -1, List.of("Resync", "Status"), 50,
                    List.of("1001"), null));

    @Test
    void writesAPngOfTheRightSize() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PngRenderer().write(IDLE, out);
        byte[] png = out.toByteArray();
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(800, img.getWidth());
        assertEquals(480, img.getHeight());
    }

    @Test
    void titleBarBodyAndSoftKeysHaveTheirColours() {
        BufferedImage img = new PngRenderer().render(IDLE);
        // the title bar, below its text and between the time and the model
        near(PngRenderer.TITLE_BG, img, 150, PngRenderer.TITLE_H - 2);
        // the body, right of the line keys, below the text
        near(PngRenderer.BODY_BG, img, 600, 250);
        // the soft-key bar: its background, a light label in the first key, none in the last
        int bar = PngRenderer.HEIGHT - PngRenderer.SOFT_H;
        near(PngRenderer.SOFT_BG, img, 3, PngRenderer.HEIGHT - 3);
        assertTrue(light(img, 0, bar, 200, PngRenderer.SOFT_H) > 30, "the Resync label is drawn");
        assertEquals(0, light(img, 601, bar, 199, PngRenderer.SOFT_H), "the fourth soft key is empty");
        // the line key on the left
        near(PngRenderer.KEY_BG, img, 190, PngRenderer.TITLE_H + 30);
    }

    @Test
    void progressBarIsFilledToItsPercentage() {
        BufferedImage img = new PngRenderer().render(IDLE);
        int y = PngRenderer.HEIGHT - PngRenderer.SOFT_H - 44 + 9;
        int left = PngRenderer.KEYS_W + 24;
        int width = PngRenderer.WIDTH - 24 - left - 70;
        near(PngRenderer.ACCENT, img, left + width / 4, y);
        near(PngRenderer.KEY_BG, img, left + width * 3 / 4, y);

        BufferedImage none = new PngRenderer().render(new Lcd(IDLE.time(), IDLE.model(), IDLE.indicators(),
                IDLE.screen().withProgress(-1)));
        near(PngRenderer.BODY_BG, none, left + width / 4, y);
    }

    @Test
    void menuSelectionIsHighlighted() {
        Lcd menu = new Lcd("02:24", "CP-8845-3PCC", Indicators.DEFAULT,
                Screen.menu("Settings", List.of("Network", "Device administration"), 1));
        BufferedImage img = new PngRenderer().render(menu);
        int top = PngRenderer.TITLE_H + PngRenderer.HEADER_H + 20;
        near(PngRenderer.BODY_BG, img, 700, top + 18);
        near(PngRenderer.ACCENT, img, 700, top + 40 + 18);
        near(PngRenderer.HEADER_BG, img, 5, PngRenderer.TITLE_H + 5);
    }

    private static void near(Color expected, BufferedImage img, int x, int y) {
        Color c = new Color(img.getRGB(x, y));
        int d = Math.abs(c.getRed() - expected.getRed()) + Math.abs(c.getGreen() - expected.getGreen())
                + Math.abs(c.getBlue() - expected.getBlue());
        assertTrue(d <= TOLERANCE, "pixel " + x + "," + y + " is " + c + ", expected near " + expected);
    }

    private static int light(BufferedImage img, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                Color c = new Color(img.getRGB(x, y));
                if (c.getRed() + c.getGreen() + c.getBlue() > 600) {
                    n++;
                }
            }
        }
        return n;
    }
}
