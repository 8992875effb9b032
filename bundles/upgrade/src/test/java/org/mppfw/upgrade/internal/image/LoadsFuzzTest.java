package org.mppfw.upgrade.internal.image;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.crypto.internal.Ed25519ManifestSignatures;
import org.mppfw.crypto.internal.sign.Ed25519Pem;
import org.mppfw.testing.TempDirs;

/**
 * Fuzz test of the image verifier, which reads what a firmware server sends. In the normal build
 * it runs its regression corpus; with {@code JAZZER_FUZZ=1} Jazzer fuzzes it. The invariant: any
 * input ends in a verified image or a {@link LoadsException}, never another exception or a hang,
 * and a refused image leaves nothing in the staging dir. A signed image with one byte changed is
 * accepted only if that byte is tar padding.
 */
class LoadsFuzzTest {

    private static final Ed25519ManifestSignatures SIGNATURES = new Ed25519ManifestSignatures();
    private static final byte[] PUBLIC_KEY;
    private static final byte[] GOOD;
    private static final Path WORK;

    static {
        try {
            WORK = Files.createTempDirectory("mppfw-loads-fuzz");
            WORK.toFile().deleteOnExit();
            String[] keys = Ed25519Pem.generate(new SecureRandom());
            PUBLIC_KEY = keys[1].getBytes(StandardCharsets.US_ASCII);
            Path key = WORK.resolve("key.pem");
            Files.writeString(key, keys[0]);
            Path image = WORK.resolve("image");
            Files.createDirectories(image.resolve("bundles"));
            Files.createDirectories(image.resolve("etc"));
            jar(image.resolve("bundles/a.jar"), "org.a", 700);
            jar(image.resolve("bundles/b.jar"), "org.b", 300);
            Files.writeString(image.resolve("etc/bundles.list"), "2 bundles/a.jar\n2 bundles/b.jar\n");
            LoadsManifest m = LoadsWriter.describe(image, FirmwareVersion.parse("sip88xx.12-0-2MPP0001-1"),
                    List.of("CP-8845-3PCC"), Optional.empty());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] bytes = m.toBytes();
            LoadsWriter.write(out, bytes, SIGNATURES.sign(bytes, key), image.resolve("bundles"));
            GOOD = out.toByteArray();
            Files.delete(key);
            Runtime.getRuntime().addShutdownHook(new Thread(LoadsFuzzTest::clean));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void jar(Path file, String bsn, int size) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
        m.getMainAttributes().putValue("Bundle-Version", "1.0.0");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(file), m)) {
            j.putNextEntry(new JarEntry("data.bin"));
            byte[] data = new byte[size];
            new java.util.Random(size).nextBytes(data);
            j.write(data);
        }
    }

    private static void clean() {
        TempDirs.delete(WORK);
    }

    /** Raw bytes, or the signed image with one byte changed. */
    @FuzzTest(maxDuration = "2m")
    void verify(FuzzedDataProvider data) throws IOException {
        byte[] input;
        boolean mutated = data.consumeBoolean();
        int at = -1;
        if (mutated) {
            at = data.consumeInt(0, GOOD.length - 1);
            input = GOOD.clone();
            input[at] ^= (byte) data.consumeInt(1, 255);
        } else {
            input = data.consumeRemainingAsBytes();
        }
        Path staging = WORK.resolve("staging");
        try {
            new LoadsVerifier(SIGNATURES).verify(new ByteArrayInputStream(input), PUBLIC_KEY, VerifyPolicy.any(), staging);
            if (mutated) {
                assertTrue(isPadding(at), "a changed byte at " + at + " outside the tar padding was accepted");
            }
        } catch (LoadsException e) {
            assertFalse(Files.exists(staging), "a refused image leaves nothing behind");
            assertFalse(e.getMessage().isBlank());
        } catch (RuntimeException e) {
            fail("not a LoadsException: " + e, e);
        } finally {
            TempDirs.delete(staging);
        }
    }

    /**
     * Whether a byte of the good image carries nothing: the zero padding after an entry's data up
     * to its block's end, or a header's checksum field (which tar writes with leading zeros that a
     * space or NUL replaces without changing the number; another change fails the checksum). Anything else (a
     * header byte, which the checksum covers, an entry's data, which the manifest's hashes and
     * signature cover, the end marker) must be refused when changed.
     */
    private static boolean isPadding(int at) {
        int h = 0;
        while (h + Tar.BLOCK <= GOOD.length && !allZero(h)) {
            long size = Long.parseLong(new String(GOOD, h + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
            if (at >= h + 148 && at < h + 156) {
                return true; // the checksum field: a leading zero may become a space or NUL and read the same
            }
            int data = h + Tar.BLOCK;
            int end = (int) (data + (size + Tar.BLOCK - 1) / Tar.BLOCK * Tar.BLOCK);
            if (at >= data + size && at < end) {
                return true;
            }
            h = end;
        }
        return false;
    }

    private static boolean allZero(int block) {
        for (int i = block; i < block + Tar.BLOCK; i++) {
            if (GOOD[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
