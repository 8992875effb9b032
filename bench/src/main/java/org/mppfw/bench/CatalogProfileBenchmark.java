package org.mppfw.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and apply of a profile that sets every parameter of the catalog (default model) to a
 * valid value other than its default, built from the catalog at setup, into the real store:
 * {@code changing} alternates two such profiles so that every apply changes every string, integer
 * and choice and persists (write, fsync, rename); {@code unchanged} applies the same one again.
 * {@code catalog}: the shipped one, or four times its rows (the size the guides' full catalog
 * will have).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CatalogProfileBenchmark {

    @Param({"standard", "x4"})
    public String catalog;

    @Param({"changing", "unchanged"})
    public String kind;

    private Path dir;
    private ParameterStoreImpl store;
    private byte[][] profiles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Catalog c = Catalogs.named(catalog);
        dir = Files.createTempDirectory("mppfw-bench-catalog");
        store = new ParameterStoreImpl(dir, c, ParameterStoreImpl.Options.defaults());
        profiles = new byte[][] {Catalogs.profile(c, 0), Catalogs.profile(c, 1)};
        for (byte[] p : profiles) {
            ApplyResult r = store.applyProfile(new ByteArrayInputStream(p), ChangeSource.PROFILE);
            if (!r.rejected().isEmpty() || !r.unknown().isEmpty()) {
                throw new IllegalStateException("the profile is not all valid: " + r.rejected() + " " + r.unknown());
            }
        }
        System.out.printf("%n%s: %d parameters, profile of %d bytes%n", catalog, c.size(), profiles[0].length);
    }

    @Benchmark
    public ApplyResult parseAndApply() throws Exception {
        byte[] p = kind.equals("changing") ? profiles[next++ & 1] : profiles[0];
        return store.applyProfile(new ByteArrayInputStream(p), ChangeSource.PROFILE);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
