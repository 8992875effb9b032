package org.mppfw.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterDefinition;
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
 * Parse and apply of a full-size profile: 1,784 elements inside {@code <flat-profile>}, the
 * size of a real MPP phone's exported configuration. The phone knows the provisioning subset of
 * them; the others are counted as unknown, as on a phone that lacks a feature. Each operation
 * applies the profile to the real store, which persists it atomically (write, fsync, rename)
 * when something changed: {@code changing} alternates two values so that every apply persists,
 * {@code unchanged} applies the same profile again.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProfileApplyBenchmark {

    static final int ELEMENTS = 1784;

    @Param({"changing", "unchanged"})
    public String kind;

    private Path dir;
    private ParameterStoreImpl store;
    private byte[][] profiles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("mppfw-bench-apply");
        store = new ParameterStoreImpl(dir, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        profiles = new byte[][] {profile(Catalog.standard(), "a"), profile(Catalog.standard(), "b")};
    }

    /** Every catalog parameter with a valid value, then unknown ones up to 1,784 elements. */
    static byte[] profile(Catalog catalog, String variant) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<device>\n<flat-profile>\n");
        int n = 0;
        for (ParameterDefinition d : catalog.definitions()) {
            if (d.name().startsWith("GPP_") && !d.secret()) {
                b.append("  <").append(d.name()).append(" ua=\"na\">").append(variant).append(" value of ")
                        .append(d.name()).append("</").append(d.name()).append(">\n");
                n++;
            }
        }
        for (int i = n; i < ELEMENTS; i++) {
            String name = "Feature_" + (i % 40) + "_Setting_" + i + "_";
            b.append("  <").append(name).append(" ua=\"rw\">value ").append(i).append("</").append(name).append(">\n");
        }
        b.append("</flat-profile>\n</device>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
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
