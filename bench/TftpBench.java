import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.tftp.internal.TftpConfig;
import org.mppfw.tftp.internal.TftpResponse;
import org.mppfw.tftp.internal.TftpTransport;

/**
 * In-process timing of the phone's TFTP download (bench/tftp.sh runs it; not a test).
 *
 * <pre>
 *   java -cp CLASSPATH bench/TftpBench.java URL SHA256 SPOOL_DIR WARMUPS RUNS SPEC...
 *     SPEC  default     the TftpConfig defaults (what the phone asks for)
 *           plain       options off: RFC 1350 lock-step with 512-byte blocks
 *           BxW         the defaults with blksize B and windowsize W (W 0: no windowsize option)
 * </pre>
 *
 * Each run is a GET through {@code TftpTransport.exchange}, as the phone's resync and upgrade do:
 * the file is received into the transport's spool (a temporary file in SPOOL_DIR past 256 KiB).
 * Only {@code exchange} is timed; after it the body is read back and its SHA-256 checked, then
 * the response is closed (which deletes the spool file). The source port is left to the system
 * (sourcePortFirst 0) so that the benchmark never takes the ports of a concurrent test run;
 * everything else is the phone's configuration. Prints {@code RUN spec ms} for each timed run,
 * then {@code RESULT spec median_ms min_ms max_ms runs retransmissions negotiated} (or
 * {@code FAIL spec message} when a transfer failed).
 */
public final class TftpBench {

    public static void main(String[] a) throws Exception {
        URI url = URI.create(a[0]);
        String sha256 = a[1];
        Path spool = Path.of(a[2]);
        int warmups = Integer.parseInt(a[3]);
        int runs = Integer.parseInt(a[4]);
        for (String spec : Arrays.copyOfRange(a, 5, a.length)) {
            try {
                run(url, sha256, spool, warmups, runs, spec);
            } catch (TransportException e) {
                System.out.println("FAIL " + spec + " " + e.getMessage());
            }
        }
    }

    private static void run(URI url, String sha256, Path spool, int warmups, int runs, String spec) throws Exception {
        Map<String, Object> o = new HashMap<>();
        o.put("sourcePortFirst", 0);
        o.put("sourcePortLast", 0);
        if (spec.equals("plain")) {
            o.put("options", false);
        } else if (!spec.equals("default")) {
            String[] bw = spec.split("x");
            o.put("blksize", Integer.parseInt(bw[0]));
            o.put("windowsize", Integer.parseInt(bw[1]));
        }
        TftpTransport transport = new TftpTransport(config(o), spool);
        TransportRequest get = TransportRequest.builder(url).deadline(Duration.ofSeconds(120)).build();
        double[] ms = new double[runs];
        long retransmissions = 0;
        String negotiated = "";
        for (int i = -warmups; i < runs; i++) {
            long t0 = System.nanoTime();
            try (TftpResponse r = (TftpResponse) transport.exchange(get)) {
                long t1 = System.nanoTime();
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                try (InputStream in = r.body()) {
                    byte[] buf = new byte[64 << 10];
                    for (int n; (n = in.read(buf)) > 0;) {
                        md.update(buf, 0, n);
                    }
                }
                String got = HexFormat.of().formatHex(md.digest());
                if (!got.equals(sha256)) {
                    throw new IllegalStateException(spec + ": downloaded SHA-256 " + got + " is not " + sha256);
                }
                if (i >= 0) {
                    ms[i] = (t1 - t0) / 1e6;
                    retransmissions += r.result().retransmissions();
                    negotiated = r.result().negotiated().describe();
                    System.out.printf("RUN %s %.3f%n", spec, ms[i]);
                }
            }
        }
        double[] s = ms.clone();
        Arrays.sort(s);
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        System.out.printf("RESULT %s %.3f %.3f %.3f %d %d %s%n", spec, median, s[0], s[s.length - 1], s.length,
                retransmissions, negotiated.replace(' ', '_'));
    }

    /** The annotation's defaults, overridden by {@code o}. */
    private static TftpConfig config(Map<String, Object> o) {
        return (TftpConfig) Proxy.newProxyInstance(TftpConfig.class.getClassLoader(), new Class<?>[] {TftpConfig.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "annotationType" -> TftpConfig.class;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "TftpConfig" + o;
                    default -> o.getOrDefault(m.getName(), m.getDefaultValue());
                });
    }
}
