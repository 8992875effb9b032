package org.mppfw.log.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.device.DeviceProperties;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Shell command {@code sys:log [N]}: the last lines of the phone's log (the ring in {@code <data>/log}). */
@Component(service = LogCommand.class, property = {
    "osgi.command.scope=sys",
    "osgi.command.function=log"
})
public final class LogCommand {

    static final int DEFAULT_LINES = 20;

    private final Path fallback;

    @Activate
    public LogCommand(BundleContext context) {
        String data = context.getProperty(DeviceProperties.DATA_DIR);
        this.fallback = Path.of(data == null ? "." : data, "log", "phone.log");
    }

    @Descriptor("show the last 20 lines of the phone's log")
    public String log() throws IOException {
        return log(DEFAULT_LINES);
    }

    @Descriptor("show the last N lines of the phone's log")
    public String log(@Descriptor("number of lines") int lines) throws IOException {
        if (lines < 0) {
            throw new IllegalArgumentException("the number of lines is 0 or more: " + lines);
        }
        Optional<Ring> ring = PhoneLog.ring();
        Path current = ring.map(Ring::file).orElse(fallback);
        return String.join(System.lineSeparator(), RingFiles.tail(current, lines));
    }
}
