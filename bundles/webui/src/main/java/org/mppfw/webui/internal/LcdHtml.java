package org.mppfw.webui.internal;

import static org.mppfw.webui.internal.Html.esc;

import java.util.List;
import java.util.Locale;

import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Screen;
import org.mppfw.api.keypad.Key;

/**
 * The LCD in HTML, drawn from the display's model as the shell's text renderer draws it from the
 * same fields: the title bar (time, model, icons), the screen's title, the line-key labels beside
 * the body, the body (a menu with its highlighted item, status lines, an input field), the
 * progress and the four soft keys, which are the buttons that press them. Every text is escaped.
 * The keys below the screen are the rest of the phone's {@link Key}s.
 */
final class LcdHtml {

    /** The soft keys, left to right. */
    static final List<Key> SOFT_KEYS = List.of(Key.SOFT1, Key.SOFT2, Key.SOFT3, Key.SOFT4);

    static final String STYLE = "#keypad{display:inline-block;padding:.5em}#lcd{width:34em;border:.6em solid #333;border-radius:.4em;background:#eef3f7;"
            + "font-family:sans-serif;margin-bottom:1em}"
            + ".lcd-bar{background:#04568a;color:#fff;padding:.2em .5em;display:flex;justify-content:space-between}"
            + "#lcd-title{font-weight:bold;padding:.3em .5em;border-bottom:1px solid #9ab}"
            + ".lcd-body{display:flex;min-height:9em;padding:.3em .5em}.lcd-main{flex:1}"
            + ".lcd-body ol,.lcd-body ul{margin:0;padding:0;list-style-position:inside}.lcd-body ul{list-style:none}"
            + ".lcd-body li{min-height:1.3em}.selected{background:#04568a;color:#fff}"
            + "#lcd-linekeys{list-style:none;padding:0;margin:0 .6em 0 0;width:8em}"
            + "#lcd-linekeys li{border:1px solid #9ab;margin-bottom:.2em;padding:0 .3em;overflow:hidden;white-space:nowrap}"
            + "#lcd-input{border:1px solid #333;background:#fff;padding:0 .3em;font-family:monospace;overflow-wrap:anywhere}"
            + "#lcd-softkeys{display:flex}#lcd-softkeys button{flex:1;min-height:2em}"
            + ".icon{margin-left:.8em}.keys{display:flex;gap:2em;align-items:flex-start}"
            + ".keys button{min-width:3.2em;min-height:2.4em;margin:.15em;font-size:1em}"
            + ".nav,.dial{display:grid;grid-template-columns:repeat(3,auto)}";

    private LcdHtml() {
    }

    /** The LCD at one moment: what {@code /lcd/screen} answers and the page starts with. */
    static String screen(String time, String model, Indicators icons, Screen s, boolean keys) {
        StringBuilder b = new StringBuilder(1024);
        b.append("<div class=\"lcd-bar\"><span><span id=\"lcd-time\">").append(esc(time))
                .append("</span> <span id=\"lcd-model\">").append(esc(model)).append("</span></span><span id=\"lcd-icons\">")
                .append(icons(icons)).append("</span></div>");
        if (!s.title().isEmpty()) {
            b.append("<div id=\"lcd-title\">").append(esc(s.title())).append("</div>");
        }
        b.append("<div class=\"lcd-body\">");
        if (!s.lineKeys().isEmpty()) {
            b.append("<ul id=\"lcd-linekeys\" title=\"Line keys\">");
            s.lineKeys().forEach(k -> b.append("<li>").append(esc(k)).append("</li>"));
            b.append("</ul>");
        }
        b.append("<div class=\"lcd-main\">").append(s.isMenu() ? "<ol" : "<ul").append(" id=\"lcd-lines\">");
        for (int i = 0; i < s.lines().size(); i++) {
            b.append(i == s.selected() ? "<li class=\"selected\" aria-current=\"true\">" : "<li>")
                    .append(esc(s.lines().get(i))).append("</li>");
        }
        b.append(s.isMenu() ? "</ol>" : "</ul>");
        if (s.input() != null) {
            b.append("<div id=\"lcd-input\">").append(esc(s.input())).append("_</div>");
        }
        if (s.progress() >= 0) {
            b.append("<progress id=\"lcd-progress\" max=\"100\" value=\"").append(s.progress()).append("\"></progress> ")
                    .append(s.progress()).append('%');
        }
        b.append("</div></div><div id=\"lcd-softkeys\">");
        for (int i = 0; i < SOFT_KEYS.size(); i++) {
            String label = i < s.softKeys().size() ? s.softKeys().get(i) : "";
            b.append(button(SOFT_KEYS.get(i), label.isEmpty() ? "\u00a0" : label,
                    "Soft key " + (i + 1) + (label.isEmpty() ? "" : ": " + label), keys));
        }
        return b.append("</div>").toString();
    }

    /** The title bar's icons, in words. */
    static String icons(Indicators i) {
        String net = i.network() ? "Network up" : "Network down";
        String reg = switch (i.registration()) {
            case NONE -> null;
            case REGISTERING -> "Line 1 registering";
            case REGISTERED -> "Line 1 registered";
            case FAILED -> "Line 1 not registered";
        };
        return "<span class=\"icon\" id=\"lcd-network\">" + net + "</span>"
                + (reg == null ? "" : "<span class=\"icon\" id=\"lcd-registration\">" + reg + "</span>");
    }

    /** The keys below the screen: navigation, Back, Settings and the dial pad; off when {@code on} is false. */
    static String keys(boolean on) {
        StringBuilder b = new StringBuilder("<div class=\"keys\"><div class=\"nav\">");
        b.append("<span></span>").append(button(Key.UP, "\u25b2", "Up", on)).append("<span></span>")
                .append(button(Key.LEFT, "\u25c0", "Left", on)).append(button(Key.SELECT, "OK", "Select", on))
                .append(button(Key.RIGHT, "\u25b6", "Right", on))
                .append(button(Key.BACK, "Back", "Back", on)).append(button(Key.DOWN, "\u25bc", "Down", on))
                .append(button(Key.SETTINGS, "Settings", "Settings", on)).append("</div><div class=\"dial\">");
        for (Key k : List.of(Key.D1, Key.D2, Key.D3, Key.D4, Key.D5, Key.D6, Key.D7, Key.D8, Key.D9, Key.STAR, Key.D0,
                Key.POUND)) {
            b.append(button(k, k.label(), k.label(), on));
        }
        return b.append("</div></div>").toString();
    }

    /** The id of a key's button: {@code key-d1}, {@code key-star}, {@code key-soft1}, {@code key-up}... */
    static String id(Key k) {
        return "key-" + k.name().toLowerCase(Locale.ROOT);
    }

    private static String button(Key k, String text, String name, boolean on) {
        return "<button type=\"submit\" name=\"key\" value=\"" + esc(k.label()) + "\" id=\"" + id(k) + "\" aria-label=\""
                + esc(name) + "\" title=\"" + esc(name) + "\"" + (on ? "" : " disabled") + ">" + esc(text) + "</button>";
    }
}
