package org.mppfw.console.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.felix.service.command.CommandProcessor;
import org.mppfw.api.device.DeviceProperties;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the console socket of the phone's data dir while the Gogo shell's processor is there. */
@Component(service = {}, immediate = true)
public final class ConsoleComponent {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleComponent.class);

    private final ConsoleServer server;

    @Activate
    public ConsoleComponent(BundleContext context, @Reference CommandProcessor processor) throws IOException {
        String data = context.getProperty(DeviceProperties.DATA_DIR);
        if (data == null || data.isBlank()) {
            throw new IllegalStateException("no data dir (" + DeviceProperties.DATA_DIR + ")");
        }
        server = ConsoleServer.start(Path.of(data), processor, System.getenv());
        LOG.info("console: taking commands on {}", server.socket());
    }

    @Deactivate
    void stop() throws IOException {
        server.close();
    }
}
