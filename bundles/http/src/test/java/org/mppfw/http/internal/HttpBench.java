package org.mppfw.http.internal;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;

/**
 * Download benchmark of the phone's HTTP client, run by {@code bench/http.sh} (not a test): the
 * same code path as a resync or an upgrade download ({@link HttpExchanger#exchange}, a new client
 * and connection per exchange, the body streamed through the size and deadline checks), timed
 * in-process after a warm-up so that JVM start-up is not counted.
 *
 * <pre>java -cp CLASSPATH org.mppfw.http.internal.HttpBench URL RUNS WARMUP SIZE SHA256 [CA_PEM]</pre>
 *
 * Checks the first download's SHA-256 and every download's size; prints one line per timed run
 * ({@code run N MS ms}) and then {@code median MS ms}.
 */
public final class HttpBench {

    private HttpBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: HttpBench URL RUNS WARMUP SIZE SHA256 [CA_PEM]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        int runs = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        long size = Long.parseLong(args[3]);
        String sha256 = args[4];
        TlsMaterial tls = args.length > 5
                ? new TlsMaterial(TlsMaterial.parseCaCertificates(Files.readAllBytes(Path.of(args[5]))), false, null, null)
                : new TlsMaterial(List.of(), true, null, null);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-timer");
            t.setDaemon(true);
            return t;
        });
        HttpSettings settings = new HttpSettings("Cisco-CP-8845-3PCC/12.0.1 (0011223344aa)", null, null, tls,
                "", Duration.ofSeconds(30));
        HttpExchanger phone = new HttpExchanger(() -> settings, timer);
        byte[] buf = new byte[64 * 1024];

        MessageDigest md = MessageDigest.getInstance("SHA-256");
        long n = download(phone, uri, buf, md);
        String got = HexFormat.of().formatHex(md.digest());
        if (n != size || !got.equals(sha256)) {
            throw new IllegalStateException("wrong body: " + n + " bytes, SHA-256 " + got);
        }
        for (int i = 1; i < warmup; i++) {
            check(download(phone, uri, buf, null), size);
        }
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            long bytes = download(phone, uri, buf, null);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            check(bytes, size);
            System.out.println("run " + (i + 1) + " " + ms[i] + " ms");
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2.0;
        System.out.println("median " + median + " ms");
        timer.shutdownNow();
    }

    private static void check(long bytes, long size) {
        if (bytes != size) {
            throw new IllegalStateException("wrong body: " + bytes + " bytes");
        }
    }

    private static long download(HttpExchanger phone, URI uri, byte[] buf, MessageDigest md) throws Exception {
        long total = 0;
        try (TransportResponse r = phone.exchange(TransportRequest.get(uri)); InputStream in = r.body()) {
            for (int k; (k = in.read(buf)) >= 0;) {
                if (md != null) {
                    md.update(buf, 0, k);
                }
                total += k;
            }
        }
        return total;
    }
}
