package org.mppfw.discovery.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.mppfw.api.config.ChangeSource;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;
import org.mppfw.config.internal.SystemClock;
import org.mppfw.testing.FakeIdentity;

/**
 * The phone's discovery in mode {@code dhcp}, run in a child JVM inside the phone's network
 * namespace, on the system clock and its own thread as in the phone: the engine owns the
 * namespace's interface. It reads commands on its standard input, one a line: {@code status}
 * prints {@code STATUS line}, {@code address} prints {@code ADDRESS a.b.c.d} (or {@code ADDRESS -}),
 * {@code stop} stops it as the phone's shutdown does, prints {@code STOPPED} and ends. The
 * engine's log goes to its standard error.
 *
 * <p>Arguments: interface, {@code DHCP_Option_To_Use}, data folder.
 */
public final class PhoneProbe {

    private PhoneProbe() {
    }

    public static void main(String[] args) throws Exception {
        String iface = args[0];
        ParameterStoreImpl store = new ParameterStoreImpl(Path.of(args[2]), Catalog.standard(),
                ParameterStoreImpl.Options.defaults());
        store.set("DHCP_Option_To_Use", args[1], ChangeSource.ADMIN);
        Settings settings = new Settings(Settings.Mode.DHCP, iface, "", Map.of(), List.of(), SrvResolver.WeightOrder.LOWER_FIRST,
                true, Duration.ofSeconds(1), 4, Duration.ofSeconds(5));
        SystemClock clock = new SystemClock(store);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        DiscoveryEngine engine = new DiscoveryEngine(clock, store, FakeIdentity.cp8845("000e08012345", "FCH2345ABCD", "1"),
                settings, executor);
        engine.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            switch (line.strip()) {
                case "status" -> System.out.println("STATUS " + engine.status());
                case "address" -> System.out.println("ADDRESS " + engine.address().map(a -> a.getHostAddress()).orElse("-"));
                case "stop" -> {
                    // as DiscoveryComponent.deactivate
                    engine.stop();
                    executor.shutdownNow();
                    executor.awaitTermination(5, TimeUnit.SECONDS);
                    engine.release();
                    System.out.println("STOPPED");
                    System.exit(0);
                }
                default -> System.out.println("UNKNOWN " + line);
            }
            System.out.flush();
        }
        System.exit(0);
    }
}
