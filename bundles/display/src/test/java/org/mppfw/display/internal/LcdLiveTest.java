package org.mppfw.display.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lcd:live}: the LCD redrawn on every change, the keyboard acting as the keypad. */
class LcdLiveTest {

    @TempDir
    Path data;

    @Test
    void redrawsOnEveryChangeAndPressesTheTypedKeys() throws Exception {
        Phone p = new Phone(data);
        LcdCommands lcd = new LcdCommands(p.display, p.screens, p.engine);
        lcd.setKeypad(p.menus::keyPressed); // the keypad service hands keys to the menus
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] typed = "s\u001b[B\rq".getBytes(StandardCharsets.US_ASCII);
        int pressed = lcd.live(new ByteArrayInputStream(typed), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(3, pressed);
        String shown = out.toString(StandardCharsets.UTF_8);
        String[] frames = shown.split(java.util.regex.Pattern.quote(LcdCommands.CLEAR), -1);
        assertEquals(5, frames.length, "the first drawing and one for each of the 3 changes: " + shown);
        assertTrue(frames[2].contains("> Status"), frames[2]);
        assertTrue(frames[3].contains("> Device administration"), frames[3]);
        assertTrue(frames[4].contains("| Device administration"), frames[4]);
        assertTrue(frames[4].contains("> Profile rule"), frames[4]);
        assertTrue(frames[4].contains("\r\n"), "raw-mode line ends");

        p.display.show(org.mppfw.api.display.Screen.of("after"));
        assertEquals(shown, out.toString(StandardCharsets.UTF_8), "no drawing after leaving");
    }
}
