package org.mppfw.display.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Screen;

/**
 * The PNG renderer against a stored reference picture: the image has the LCD's size and, scaled
 * down to a quarter, its pixels match the reference within a tolerance that absorbs font
 * rasterisation differences between machines but not a moved or recoloured element. Run with
 * {@code -Dmppfw.display.updateReference=true} to write a new reference after a deliberate change.
 */
class PngReferenceTest {

    static final String REFERENCE = "upgrade-reference.png";
    static final int SCALE = 4;
    /** Largest mean difference over all channels of all pixels. */
    static final double MEAN_TOLERANCE = 0.6;
    /** Largest share of pixels with a channel more than {@link #PIXEL_TOLERANCE} away. */
    static final double SHARE_TOLERANCE = 0.005;
    static final int PIXEL_TOLERANCE = 64;

    static final Lcd LCD = new Lcd("02:24", "CP-8845-3PCC", new Indicators(true, Indicators.Registration.REGISTERED),
            new Screen("Firmware upgrade", List.of("Upgrading 45 %", "Downloading sip8845.12-0-2MPP0001-5"), -1,
                    List.of("Back"), 45, List.of("1001", "1002"), null));

    @Test
    void rendersTheReferencePictureWithinTolerance() throws Exception {
        BufferedImage full = new PngRenderer().render(LCD);
        assertEquals(PngRenderer.WIDTH, full.getWidth());
        assertEquals(PngRenderer.HEIGHT, full.getHeight());
        BufferedImage small = quarter(full);
        if (Boolean.getBoolean("mppfw.display.updateReference")) {
            Path out = Path.of("src/test/resources/org/mppfw/display/internal", REFERENCE);
            Files.createDirectories(out.getParent());
            ImageIO.write(small, "png", out.toFile());
        }
        BufferedImage reference;
        try (InputStream in = getClass().getResourceAsStream(REFERENCE)) {
            assertNotNull(in, "the reference picture is stored with the tests");
            reference = ImageIO.read(in);
        }
        assertEquals(reference.getWidth(), small.getWidth());
        assertEquals(reference.getHeight(), small.getHeight());
        double[] d = difference(small, reference);
        assertTrue(d[0] <= MEAN_TOLERANCE, "mean difference " + d[0]);
        assertTrue(d[1] <= SHARE_TOLERANCE, "share of differing pixels " + d[1]);
    }

    @Test
    void theComparisonSeesAChangedScreen() {
        BufferedImage a = quarter(new PngRenderer().render(LCD));
        BufferedImage other = quarter(new PngRenderer().render(new Lcd(LCD.time(), LCD.model(),
                new Indicators(false, Indicators.Registration.FAILED), LCD.screen().withProgress(90))));
        double[] d = difference(a, other);
        assertTrue(d[1] > SHARE_TOLERANCE || d[0] > MEAN_TOLERANCE,
                "a longer bar and other icons exceed the tolerance: " + d[0] + ", " + d[1]);
    }

    static BufferedImage quarter(BufferedImage full) {
        BufferedImage small = new BufferedImage(full.getWidth() / SCALE, full.getHeight() / SCALE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(full, 0, 0, small.getWidth(), small.getHeight(), null);
        g.dispose();
        return small;
    }

    /** The mean channel difference, and the share of pixels with a channel beyond the pixel tolerance. */
    static double[] difference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        int far = 0;
        int n = a.getWidth() * a.getHeight();
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                int worst = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    int c = Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                    sum += c;
                    worst = Math.max(worst, c);
                }
                if (worst > PIXEL_TOLERANCE) {
                    far++;
                }
            }
        }
        return new double[] { sum / (3.0 * n), far / (double) n };
    }
}
