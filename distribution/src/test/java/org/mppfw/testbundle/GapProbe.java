package org.mppfw.testbundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;

/**
 * Measures how long each phone service is gone while a bundle is swapped: from its
 * UNREGISTERING event to the next REGISTERED of the same interface, one line per gap
 * ({@code INTERFACE MICROSECONDS}) appended to the file named by {@code mppfw.bench.gap.file}.
 * A benchmark probe, installed by the upgrade benchmark; never part of an image.
 */
public class GapProbe implements ServiceListener {

    private final Map<String, Long> gone = new ConcurrentHashMap<>();
    private BundleContext context;

    public void activate(BundleContext ctx) throws InvalidSyntaxException {
        this.context = ctx;
        ctx.addServiceListener(this, "(objectClass=org.mppfw.api.*)");
    }

    public void deactivate() {
        context.removeServiceListener(this);
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        long now = System.nanoTime();
        for (String type : (String[]) event.getServiceReference().getProperty("objectClass")) {
            if (event.getType() == ServiceEvent.UNREGISTERING) {
                gone.put(type, now);
            } else if (event.getType() == ServiceEvent.REGISTERED) {
                Long since = gone.remove(type);
                if (since != null) {
                    write(type + " " + (now - since) / 1000 + "\n");
                }
            }
        }
    }

    private static void write(String line) {
        try {
            Files.writeString(Path.of(System.getProperty("mppfw.bench.gap.file")), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a probe never disturbs the phone
        }
    }
}
