package org.mppfw.bench;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.mppfw.api.config.ChangeSource;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;

/**
 * {@link CatalogProfileBenchmark}'s parse and apply measured in CPU time of the applying thread,
 * which holds on a machine shared with other work where JMH's wall time does not: OPS applies
 * (alternating the two profiles for {@code changing}, the same one for {@code unchanged}) after
 * as many unmeasured ones, repeated three times, one line each:
 * {@code java -XX:+UseSerialGC -Xmx64m -cp bench/target/mppfw-bench.jar org.mppfw.bench.CatalogProfileCpu x4 changing 200}.
 */
public final class CatalogProfileCpu {

    private CatalogProfileCpu() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        boolean changing = args[1].equals("changing");
        int ops = Integer.parseInt(args[2]);
        Catalog c = Catalogs.named(name);
        byte[][] profiles = {Catalogs.profile(c, 0), Catalogs.profile(c, 1)};
        Path dir = Files.createTempDirectory("mppfw-bench-cpu");
        ParameterStoreImpl store = new ParameterStoreImpl(dir, c, ParameterStoreImpl.Options.defaults());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round <= 3; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                store.applyProfile(new ByteArrayInputStream(profiles[changing ? i & 1 : 0]), ChangeSource.PROFILE);
            }
            if (round > 0) {
                System.out.printf("%s %s %d parameters: cpu %.2f ms/op, wall %.2f ms/op%n", name, args[1], c.size(),
                        (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / ops, (System.nanoTime() - wall) / 1e6 / ops);
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
