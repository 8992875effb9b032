package org.mppfw.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.mppfw.config.internal.Catalog;
import org.slf4j.LoggerFactory;

import com.sun.management.OperatingSystemMXBean;

/**
 * The catalog's cost at boot, in a fresh JVM: wall and CPU time (of the reading thread) of the
 * first read of the catalog, which loads the reader's classes and runs interpreted as at the
 * phone's boot, then of a second read. The CPU time holds on a machine shared with other work,
 * where the wall time does not; the process's CPU time adds the compiler's and the collector's
 * threads. One line: {@code CATALOG PARAMETERS first WALL_MS CPU_MS PROCESS_CPU_MS second ...};
 * run it in a loop of fresh
 * JVMs: {@code java -XX:+UseSerialGC -Xmx64m -cp bench/target/mppfw-bench.jar org.mppfw.bench.CatalogBoot x4}.
 */
public final class CatalogBoot {

    private CatalogBoot() {
    }

    public static void main(String[] args) {
        String name = args.length == 0 ? "standard" : args[0];
        // the text of a larger catalog is made first, outside the measure (it loads Catalog's class)
        String text = name.equals("standard") ? null : Catalogs.times(Integer.parseInt(name.substring(1)));
        // logging is up before the parameter store starts on the phone
        LoggerFactory.getLogger(CatalogBoot.class).debug("start");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        StringBuilder line = new StringBuilder(name);
        for (String pass : new String[] {"first", "second"}) {
            long process = os.getProcessCpuTime();
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            Catalog c = text == null ? Catalog.standard() : Catalogs.parse(text);
            wall = System.nanoTime() - wall;
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            process = os.getProcessCpuTime() - process;
            if (pass.equals("first")) {
                line.append(' ').append(c.size());
            }
            line.append(' ').append(pass).append(' ').append(ms(wall)).append(' ').append(ms(cpu)).append(' ')
                    .append(ms(process));
        }
        System.out.println(line);
    }

    private static String ms(long nanos) {
        return Long.toString(Math.round(nanos / 1e6));
    }
}
