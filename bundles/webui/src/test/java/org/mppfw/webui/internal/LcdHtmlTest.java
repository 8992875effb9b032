package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Screen;
import org.mppfw.api.keypad.Key;

/** The LCD in HTML: every field of the screen, escaped; a button for every key. */
class LcdHtmlTest {

    static final String PROBE = "<script>alert(1)</script>";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @Test
    void everyFieldShowsEscaped() {
        Screen s = new Screen("Title " + PROBE, List.of("line " + PROBE, "second"), -1, List.of("Soft " + PROBE, "Two"),
                42, List.of("Key " + PROBE), "typed " + PROBE);
        String html = LcdHtml.screen("12:34", "CP-8851 " + PROBE, new Indicators(false, Indicators.Registration.FAILED), s, true);
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("<div id=\"lcd-title\">Title " + ESCAPED + "</div>"), html);
        assertTrue(html.contains("<ul id=\"lcd-lines\"><li>line " + ESCAPED + "</li><li>second</li></ul>"), html);
        assertTrue(html.contains("<ul id=\"lcd-linekeys\" title=\"Line keys\"><li>Key " + ESCAPED + "</li></ul>"), html);
        assertTrue(html.contains("<div id=\"lcd-input\">typed " + ESCAPED + "_</div>"), html);
        assertTrue(html.contains("<progress id=\"lcd-progress\" max=\"100\" value=\"42\"></progress> 42%"), html);
        assertTrue(html.contains(">Soft " + ESCAPED + "</button>"), html);
        assertTrue(html.contains("<span id=\"lcd-time\">12:34</span>"), html);
        assertTrue(html.contains("CP-8851 " + ESCAPED), html);
        assertTrue(html.contains("Network down") && html.contains("Line 1 not registered"), html);
    }

    @Test
    void aMenuIsNumberedWithItsItemHighlighted() {
        String html = LcdHtml.screen("09:00", "m", Indicators.DEFAULT,
                Screen.menu("Settings", List.of("Status", "Device administration"), 1).withSoftKeys("Select", "Back"), true);
        assertTrue(html.contains("<ol id=\"lcd-lines\"><li>Status</li><li class=\"selected\" aria-current=\"true\">"
                + "Device administration</li></ol>"), html);
        assertFalse(html.contains("lcd-input") || html.contains("lcd-progress") || html.contains("lcd-linekeys"), html);
        assertTrue(html.contains("Network up") && !html.contains("lcd-registration"), "no line, no registration icon");
    }

    @Test
    void theFourSoftKeysAreAlwaysThereLabelledByTheScreen() {
        String html = LcdHtml.screen("09:00", "m", Indicators.DEFAULT, Screen.of("", "idle").withSoftKeys("Resync"), true);
        assertFalse(html.contains("lcd-title"), "an empty title draws no title row");
        for (Key k : LcdHtml.SOFT_KEYS) {
            assertTrue(html.contains("value=\"" + k.label() + "\" id=\"" + LcdHtml.id(k) + "\""), k + ": " + html);
        }
        assertTrue(html.contains("title=\"Soft key 1: Resync\">Resync</button>"), html);
        assertTrue(html.contains("title=\"Soft key 4\">\u00a0</button>"), html);
    }

    @Test
    void everyKeyOfTheKeypadHasOneButtonThatNamesIt() {
        String all = LcdHtml.screen("09:00", "m", Indicators.DEFAULT, Screen.of("x"), true) + LcdHtml.keys(true);
        assertFalse(all.contains("disabled"), all);
        Matcher m = Pattern.compile("<button type=\"submit\" name=\"key\" value=\"([^\"]*)\" id=\"([^\"]*)\"").matcher(all);
        int buttons = 0;
        while (m.find()) {
            Key k = Key.parse(m.group(1).replace("&#39;", "'"));
            assertEquals(LcdHtml.id(k), m.group(2), "the button's value is its key's name");
            buttons++;
        }
        assertEquals(Key.values().length, buttons, "one button per key");
        for (Key k : Key.values()) {
            assertEquals(1, all.split("id=\"" + LcdHtml.id(k) + "\"", -1).length - 1, k.toString());
        }
    }

    @Test
    void keysThatAreOffAreDisabledButtons() {
        String all = LcdHtml.screen("09:00", "m", Indicators.DEFAULT, Screen.of("x").withSoftKeys("Resync"), false)
                + LcdHtml.keys(false);
        int buttons = all.split("<button ", -1).length - 1;
        assertEquals(Key.values().length, buttons);
        assertEquals(buttons, all.split("\" disabled>", -1).length - 1, all);
    }
}
