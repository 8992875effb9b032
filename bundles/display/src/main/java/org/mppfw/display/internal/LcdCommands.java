package org.mppfw.display.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import java.io.InputStream;
import java.io.PrintStream;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.keypad.Keypad;
import org.mppfw.api.keypad.TerminalKeys;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.terminal.RawTerminal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Shell commands of scope {@code lcd}: the LCD as text, as a PNG, live in the terminal (redrawn on
 * every change, the keyboard pressing the keypad's keys), and the provisioning status screen.
 */
@Component(service = LcdCommands.class, property = {
    "osgi.command.scope=lcd",
    "osgi.command.function=show",
    "osgi.command.function=png",
    "osgi.command.function=provisioning",
    "osgi.command.function=live"
})
public final class LcdCommands {

    /** ANSI: cursor home, clear the screen. */
    static final String CLEAR = "\u001b[H\u001b[2J";
    static final String LIVE_HELP = "keys: 0-9 * # arrows, Enter select, Esc/Backspace back, s settings, "
            + "F1-F4 or a-d soft keys, q leaves";

    private final DisplayService display;
    private final ProvisioningScreens screens;
    private final Provisioning engine;
    private volatile Keypad keypad;

    @Activate
    public LcdCommands(@Reference DisplayService display, @Reference ProvisioningScreens screens,
            @Reference Provisioning engine) {
        this.display = display;
        this.screens = screens;
        this.engine = engine;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setKeypad(Keypad k) {
        keypad = k;
    }

    void unsetKeypad(Keypad k) {
        if (keypad == k) {
            keypad = null;
        }
    }

    @Descriptor("print the LCD as text")
    public String show() {
        return new TextRenderer().render(display.lcd()).stripTrailing();
    }

    @Descriptor("write the LCD as an 800x480 PNG image")
    public String png(@Descriptor("the PNG file to write") String file) throws IOException {
        Path path = Path.of(file).toAbsolutePath();
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            new PngRenderer().write(display.lcd(), out);
        }
        Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return "wrote " + file + " (" + PngRenderer.WIDTH + "x" + PngRenderer.HEIGHT + ")";
    }

    @Descriptor("show the LCD live, redrawn on every change, the keyboard acting as the keypad; q or Ctrl-D leaves")
    public void live(CommandSession session) throws IOException {
        RawTerminal raw = RawTerminal.enter(session);
        try {
            live(raw.input(session), session.getConsole());
        } finally {
            raw.close();
        }
    }

    /** Draws the LCD on {@code out} now and after every change, pressing the keys read from {@code in}. */
    int live(InputStream in, PrintStream out) throws IOException {
        Runnable redraw = () -> draw(out);
        display.observe(redraw);
        int pressed = 0;
        try {
            draw(out);
            TerminalKeys keys = new TerminalKeys(in);
            for (TerminalKeys.Input i = keys.next(); !(i instanceof TerminalKeys.Quit); i = keys.next()) {
                Keypad k = keypad;
                if (i instanceof TerminalKeys.Press p && k != null) {
                    k.press(p.key());
                    pressed++;
                }
            }
        } finally {
            display.unobserve(redraw);
        }
        synchronized (out) {
            out.print("\r\n");
            out.flush();
        }
        return pressed;
    }

    /** Clears the terminal and draws the LCD with a help line, in raw-mode line ends. */
    private void draw(PrintStream out) {
        String text = new TextRenderer().render(display.lcd()).replace("\n", "\r\n");
        synchronized (out) {
            out.print(CLEAR + text + LIVE_HELP + "\r\n");
            out.flush();
        }
    }

    @Descriptor("open the Provisioning status screen (last resync, result, next resync) and print it")
    public String provisioning() {
        screens.showStatus(engine.status());
        return show();
    }
}
