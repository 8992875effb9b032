package org.mppfw.bench;

import java.util.concurrent.TimeUnit;

import org.mppfw.config.internal.Catalog;
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
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;

/**
 * What the catalog costs at boot: reading, checking and expanding {@code catalog.tsv} for the
 * default model, once, in a fresh JVM (single shot, no warm-up: the classes of the reader and of
 * the value checks are loaded and run interpreted, as at the phone's boot), each fork one boot.
 * {@code standard} reads the shipped resource; {@code xK} parses a text of K times its rows, made
 * before the measured call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(20)
public class CatalogLoadBenchmark {

    @Param({"standard", "x4"})
    public String catalog;

    private String text;

    @Setup(Level.Trial)
    public void setUp() {
        // logging is up before the parameter store starts on the phone
        LoggerFactory.getLogger(CatalogLoadBenchmark.class).debug("start");
        text = catalog.equals("standard") ? null : Catalogs.times(Integer.parseInt(catalog.substring(1)));
    }

    @Benchmark
    public Catalog load() {
        return text == null ? Catalog.standard() : Catalogs.parse(text);
    }
}
