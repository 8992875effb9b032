package org.mppfw.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;

/**
 * The heap a catalog holds: used heap after a full collection with ten catalogs (then ten stores
 * opened on them, with their snapshots of values) reachable, less the same without them, divided
 * by ten. Run it with the
 * phone's heap flags:
 * {@code java -XX:+UseSerialGC -Xmx64m -cp bench/target/mppfw-bench.jar org.mppfw.bench.CatalogFootprint standard x4}.
 */
public final class CatalogFootprint {

    /** Catalogs held at once, so that the collector's noise is a tenth of a figure. */
    private static final int COPIES = 10;

    private CatalogFootprint() {
    }

    public static void main(String[] args) throws Exception {
        String[] names = args.length == 0 ? new String[] {"standard", "x4"} : args;
        // load the classes once, so that only the objects are counted
        Catalogs.named("standard");
        for (String name : names) {
            String text = name.equals("standard") ? null : Catalogs.times(Integer.parseInt(name.substring(1)));
            Catalog[] catalogs = new Catalog[COPIES];
            ParameterStoreImpl[] stores = new ParameterStoreImpl[COPIES];
            Path[] dirs = new Path[COPIES];
            long before = used();
            for (int i = 0; i < COPIES; i++) {
                catalogs[i] = text == null ? Catalog.standard() : Catalogs.parse(text);
            }
            long withCatalog = used();
            for (int i = 0; i < COPIES; i++) {
                dirs[i] = Files.createTempDirectory("mppfw-footprint");
                stores[i] = new ParameterStoreImpl(dirs[i], catalogs[i], ParameterStoreImpl.Options.defaults());
            }
            long withStore = used();
            System.out.printf("%-8s %5d parameters  catalog %6.2f MB  catalog and store %6.2f MB%n", name,
                    catalogs[0].size(), (withCatalog - before) / 1e6 / COPIES, (withStore - before) / 1e6 / COPIES);
            for (int i = 0; i < COPIES; i++) {
                if (stores[i].catalog().size() != catalogs[i].size()) {
                    throw new IllegalStateException();
                }
                try (Stream<Path> files = Files.walk(dirs[i])) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    /** Used heap after full collections, once it no longer shrinks. */
    private static long used() throws InterruptedException {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(20);
            long u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (u >= last) {
                return Math.min(u, last);
            }
            last = u;
        }
        return last;
    }
}
