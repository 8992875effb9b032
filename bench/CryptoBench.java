import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.mppfw.api.profile.DecodeOptions;
import org.mppfw.crypto.internal.ProfileDecoding;
import org.mppfw.crypto.internal.ece.Aes128gcmOutputStream;
import org.mppfw.crypto.internal.ece.IkmEncoding;

/**
 * In-process timing of the phone's profile decoding (bench/crypto.sh runs it; not a test).
 *
 * <pre>
 *   java -cp CLASSPATH bench/CryptoBench.java cbc  FILE PASS SHA256 WARMUPS RUNS
 *   java -cp CLASSPATH bench/CryptoBench.java ece  FILE IKM  SHA256 WARMUPS RUNS
 *   java -cp CLASSPATH bench/CryptoBench.java ece-encrypt PLAIN OUT IKM RS
 *   java -cp CLASSPATH bench/CryptoBench.java jca-cbc BYTES WARMUPS RUNS
 *   java -cp CLASSPATH bench/CryptoBench.java jca-gcm BYTES RS WARMUPS RUNS
 * </pre>
 *
 * {@code cbc} and {@code ece} open FILE and read it to the end through
 * {@code ProfileDecoding.open}, the pipeline behind the phone's {@code ProfileCodec.decode}
 * (AES-256-CBC as {@code openssl enc -k} / RFC 8188 aes128gcm, then the gzip check and the size
 * limit), into a 64 KiB buffer that is thrown away. Every warm-up run checks the SHA-256 of
 * what was decoded. {@code jca-*} time the bare JDK cipher on an in-memory buffer (the floor
 * under the pipeline). Each timed run prints {@code RUN name ms}; then
 * {@code RESULT name median_ms min_ms max_ms runs bytes}.
 */
public final class CryptoBench {

    private static final long LIMIT = 64L << 20;

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "cbc" -> decode("ours-cbc", Path.of(a[1]), new DecodeOptions(null, a[2].toCharArray(), null, 0), a[3],
                    Integer.parseInt(a[4]), Integer.parseInt(a[5]));
            case "ece" -> decode("ours-ece", Path.of(a[1]), new DecodeOptions("aes128gcm", null, a[2].toCharArray(), 0),
                    a[3], Integer.parseInt(a[4]), Integer.parseInt(a[5]));
            case "ece-encrypt" -> eceEncrypt(Path.of(a[1]), Path.of(a[2]), a[3], Integer.parseInt(a[4]));
            case "jca-cbc" -> jcaCbc(Integer.parseInt(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]));
            case "jca-gcm" -> jcaGcm(Integer.parseInt(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]),
                    Integer.parseInt(a[4]));
            default -> throw new IllegalArgumentException("unknown mode " + a[0]);
        }
    }

    private static void decode(String name, Path file, DecodeOptions options, String sha256, int warmups, int runs)
            throws Exception {
        byte[] buf = new byte[64 << 10];
        long bytes = 0;
        for (int i = 0; i < warmups; i++) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream raw = new FileInputStream(file.toFile());
                    InputStream in = ProfileDecoding.open(raw, options, IkmEncoding.UTF8, LIMIT).stream()) {
                bytes = 0;
                for (int n; (n = in.read(buf)) > 0;) {
                    md.update(buf, 0, n);
                    bytes += n;
                }
            }
            String got = HexFormat.of().formatHex(md.digest());
            if (!got.equals(sha256)) {
                throw new IllegalStateException(name + ": decoded SHA-256 " + got + " is not " + sha256);
            }
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            long n = 0;
            try (InputStream raw = new FileInputStream(file.toFile());
                    InputStream in = ProfileDecoding.open(raw, options, IkmEncoding.UTF8, LIMIT).stream()) {
                for (int r; (r = in.read(buf)) > 0;) {
                    n += r;
                }
            }
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (warmups > 0 && n != bytes) {
                throw new IllegalStateException(name + ": " + n + " bytes decoded, expected " + bytes);
            }
            bytes = n;
            System.out.printf("RUN %s %.3f%n", name, ms[i]);
        }
        report(name, ms, bytes);
    }

    private static void eceEncrypt(Path plain, Path out, String ikm, int rs) throws Exception {
        byte[] key = ikm.getBytes(StandardCharsets.UTF_8);
        byte[] salt = Arrays.copyOf(sha256(plain), 16);
        try (InputStream in = new FileInputStream(plain.toFile());
                OutputStream o = new Aes128gcmOutputStream(new FileOutputStream(out.toFile()), key, salt, rs,
                        "bench", 0)) {
            in.transferTo(o);
        }
    }

    private static byte[] sha256(Path p) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
    }

    /** The JDK's AES-256-CBC decryption alone, 64 KiB updates, in memory. */
    private static void jcaCbc(int size, int warmups, int runs) throws Exception {
        byte[] data = new byte[size];
        byte[] out = new byte[(64 << 10) + 32];
        SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
        IvParameterSpec iv = new IvParameterSpec(new byte[16]);
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        double[] ms = new double[runs];
        for (int i = -warmups; i < runs; i++) {
            long t0 = System.nanoTime();
            c.init(Cipher.DECRYPT_MODE, key, iv);
            for (int off = 0; off < size; off += 64 << 10) {
                c.update(data, off, Math.min(64 << 10, size - off), out, 0);
            }
            c.doFinal(out, 0);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        report("jca-cbc", ms, size);
    }

    /** The JDK's AES-128-GCM decryption alone, one init + doFinal per record of {@code rs} bytes. */
    private static void jcaGcm(int size, int rs, int warmups, int runs) throws Exception {
        SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        int records = size / (rs - 17);
        byte[][] ct = new byte[records][];
        for (int r = 0; r < records; r++) {
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce(r)));
            ct[r] = c.doFinal(new byte[rs - 16]);
        }
        byte[] out = new byte[rs];
        double[] ms = new double[runs];
        for (int i = -warmups; i < runs; i++) {
            long t0 = System.nanoTime();
            for (int r = 0; r < records; r++) {
                c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce(r)));
                c.doFinal(ct[r], 0, rs, out, 0);
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        report("jca-gcm-rs" + rs, ms, (long) records * (rs - 17));
    }

    private static byte[] nonce(int r) {
        byte[] n = new byte[12];
        n[8] = (byte) (r >>> 24);
        n[9] = (byte) (r >>> 16);
        n[10] = (byte) (r >>> 8);
        n[11] = (byte) r;
        return n;
    }

    private static void report(String name, double[] ms, long bytes) {
        double[] s = ms.clone();
        Arrays.sort(s);
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        System.out.printf("RESULT %s %.3f %.3f %.3f %d %d%n", name, median, s[0], s[s.length - 1], s.length, bytes);
    }
}
