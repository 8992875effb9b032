package org.mppfw.display.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.provisioning.Provisioning;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Shell commands of scope {@code lcd}: the LCD as text, as a PNG, and the provisioning status screen. */
@Component(service = LcdCommands.class, property = {
    "osgi.command.scope=lcd",
    "osgi.command.function=show",
    "osgi.command.function=png",
    "osgi.command.function=provisioning"
})
public final class LcdCommands {

    private final DisplayService display;
    private final ProvisioningScreens screens;
    private final Provisioning engine;

    @Activate
    public LcdCommands(@Reference DisplayService display, @Reference ProvisioningScreens screens,
            @Reference Provisioning engine) {
        this.display = display;
        this.screens = screens;
        this.engine = engine;
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

    @Descriptor("open the Provisioning status screen (last resync, result, next resync) and print it")
    public String provisioning() {
        screens.showStatus(engine.status());
        return show();
    }
}
