package org.mppfw.config.internal;

import java.io.File;
import java.nio.file.Path;

import org.mppfw.api.device.DeviceProperties;
import org.osgi.framework.BundleContext;

/** Where the phone keeps what must survive: the launcher's data dir, else the bundle's own area. */
final class DataDir {

    private DataDir() {
    }

    static Path of(BundleContext ctx) {
        String dir = ctx.getProperty(DeviceProperties.DATA_DIR);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir.trim()).toAbsolutePath();
        }
        File f = ctx.getDataFile("");
        if (f == null) {
            throw new IllegalStateException("no data dir: set the framework property " + DeviceProperties.DATA_DIR);
        }
        return f.toPath().toAbsolutePath();
    }
}
