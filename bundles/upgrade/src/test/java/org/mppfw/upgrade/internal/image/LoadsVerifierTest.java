package org.mppfw.upgrade.internal.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.crypto.internal.Ed25519ManifestSignatures;
import org.mppfw.crypto.internal.sign.Ed25519Pem;
import org.mppfw.layout.SlotManifest;
import org.mppfw.upgrade.internal.image.LoadsException.Reason;

class LoadsVerifierTest {

    private static final String MODEL = "CP-8845-3PCC";
    private final Ed25519ManifestSignatures signatures = new Ed25519ManifestSignatures();
    private final LoadsVerifier verifier = new LoadsVerifier(signatures);

    @TempDir
    Path dir;

    private Path image;
    private Path privateKey;
    private byte[] publicKey;
    private Path otherPrivateKey;

    @BeforeEach
    void layOutAnImage() throws Exception {
        image = dir.resolve("image");
        Files.createDirectories(image.resolve("bundles"));
        Files.createDirectories(image.resolve("etc"));
        jar(image.resolve("bundles/mppfw-api.jar"), "org.mppfw.api", "12.0.1.SNAPSHOT", 3000);
        jar(image.resolve("bundles/mppfw-config.jar"), "org.mppfw.config;singleton:=true", "12.0.1.SNAPSHOT", 5000);
        jar(image.resolve("bundles/slf4j-api.jar"), "slf4j.api", "2.0.17", 100);
        Files.writeString(image.resolve("etc/bundles.list"),
                "# list\n1 bundles/slf4j-api.jar\n2 bundles/mppfw-api.jar\n2 bundles/mppfw-config.jar\n");
        String[] keys = Ed25519Pem.generate(new SecureRandom());
        privateKey = dir.resolve("signing.key.pem");
        Files.writeString(privateKey, keys[0]);
        publicKey = keys[1].getBytes(StandardCharsets.US_ASCII);
        otherPrivateKey = dir.resolve("other.key.pem");
        Files.writeString(otherPrivateKey, Ed25519Pem.generate(new SecureRandom())[0]);
    }

    /** A jar with a bundle manifest and some incompressible content. */
    private static void jar(Path file, String bsn, String version, int size) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
        m.getMainAttributes().putValue("Bundle-Version", version);
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(file), m)) {
            j.putNextEntry(new JarEntry("data.bin"));
            byte[] data = new byte[size];
            new java.util.Random(size).nextBytes(data);
            j.write(data);
        }
    }

    private LoadsManifest manifest(String version, String min, String... models) throws IOException {
        return LoadsWriter.describe(image, FirmwareVersion.parse(version), List.of(models),
                min == null ? Optional.empty() : Optional.of(FirmwareVersion.parse(min)));
    }

    private LoadsManifest manifest() throws IOException {
        return manifest("sip88xx.12-0-2MPP0001-5", "12-0-1MPP0001-1", MODEL, "CP-8865-3PCC");
    }

    private byte[] signed(LoadsManifest m, Path key) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = m.toBytes();
        LoadsWriter.write(out, bytes, signatures.sign(bytes, key), image.resolve("bundles"));
        return out.toByteArray();
    }

    private byte[] good() throws Exception {
        return signed(manifest(), privateKey);
    }

    private static VerifyPolicy phone() {
        return VerifyPolicy.of(MODEL, "sip8845.12-0-1MPP0001-1", "");
    }

    private LoadsException refused(byte[] loads, VerifyPolicy policy, Reason reason) {
        Path staging = dir.resolve("staging");
        LoadsException e = assertThrows(LoadsException.class,
                () -> verifier.verify(new ByteArrayInputStream(loads), publicKey, policy, staging));
        assertEquals(reason, e.reason(), e.getMessage());
        assertFalse(Files.exists(staging), "a refused image leaves nothing in the staging dir");
        assertFalse(e.getMessage().contains("PRIVATE"), e.getMessage());
        return e;
    }

    private LoadsException refused(byte[] loads, Reason reason) {
        return refused(loads, phone(), reason);
    }

    /** An archive of the given entries, written as is. */
    private static byte[] tar(Object... nameAndData) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Tar.Writer w = new Tar.Writer(out);
        for (int i = 0; i < nameAndData.length; i += 2) {
            w.add((String) nameAndData[i], (byte[]) nameAndData[i + 1]);
        }
        w.finish();
        return out.toByteArray();
    }

    /** A raw ustar header whose name the writer would refuse. */
    private static byte[] rawEntry(String name, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Tar.Writer(out).add("x".repeat(name.length()), data);
        byte[] b = out.toByteArray();
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(n, 0, b, 0, n.length);
        for (int i = 148; i < 156; i++) {
            b[i] = ' ';
        }
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += b[i] & 0xff;
        }
        String s = String.format("%06o", sum);
        System.arraycopy(s.getBytes(StandardCharsets.US_ASCII), 0, b, 148, 6);
        b[154] = 0;
        b[155] = ' ';
        return b;
    }

    private byte[] bundleBytes(String file) throws IOException {
        return Files.readAllBytes(image.resolve("bundles").resolve(file));
    }

    @Test
    void aGoodImageVerifiesAndIsStaged() throws Exception {
        byte[] loads = good();
        Path staging = dir.resolve("staging");
        VerifiedImage v = verifier.verify(new ByteArrayInputStream(loads), publicKey, phone(), staging);
        assertEquals("sip88xx.12-0-2MPP0001-5", v.manifest().version().toString());
        assertEquals(List.of(MODEL, "CP-8865-3PCC"), v.manifest().models());
        assertEquals(3, v.manifest().bundles().size());
        assertEquals("org.mppfw.config", v.manifest().bundles().get(2).symbolicName());
        assertEquals(1, v.manifest().bundles().get(0).startLevel());
        assertEquals(signatures.fingerprint(publicKey), v.keyFingerprint());
        for (String f : List.of("mppfw-api.jar", "mppfw-config.jar", "slf4j-api.jar")) {
            assertArrayEquals(bundleBytes(f), Files.readAllBytes(staging.resolve("bundles").resolve(f)), f);
        }
        assertArrayEquals(manifest().toBytes(), Files.readAllBytes(staging.resolve("manifest.properties")));
        assertEquals(64, Files.size(staging.resolve("manifest.sig")));
        try (Stream<Path> all = Files.walk(staging)) {
            assertEquals(7, all.count(), "staging holds the dir, manifest, signature, bundles/ and 3 jars");
        }
        // without a staging dir nothing is written and the answer is the same
        assertEquals(v.manifest(), verifier.verify(new ByteArrayInputStream(loads), publicKey, phone()).manifest());
    }

    @Test
    void theLauncherReadsAStagedImageAsTheVerifierDid() throws Exception {
        Path staging = dir.resolve("staging");
        VerifiedImage v = verifier.verify(new ByteArrayInputStream(good()), publicKey, phone(), staging);
        SlotManifest slot = SlotManifest.read(staging);
        assertEquals(v.manifest().version().toString(), slot.version());
        assertEquals("12-0-2MPP0001-5", slot.release());
        assertEquals(v.manifest().bundles(), slot.bundles());
        for (SlotManifest.Bundle b : slot.bundles()) {
            assertTrue(b.matches(b.jar(staging)), b.file());
        }
    }

    @Test
    void anImageIsAPlainUstarArchive() throws Exception {
        byte[] loads = good();
        assertEquals(0, loads.length % 512);
        assertEquals("ustar", new String(loads, 257, 5, StandardCharsets.US_ASCII));
        assertEquals("manifest.properties", new String(loads, 0, 19, StandardCharsets.US_ASCII));
    }

    @Test
    void aNonEmptyStagingDirIsRefusedAndKept() throws Exception {
        Path staging = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(staging.resolve("keep.txt"), "x");
        LoadsException e = assertThrows(LoadsException.class,
                () -> verifier.verify(new ByteArrayInputStream(good()), publicKey, phone(), staging));
        assertEquals(Reason.IO_ERROR, e.reason());
        assertTrue(Files.exists(staging.resolve("keep.txt")));
    }

    @Test
    void aFailureInAnExistingEmptyStagingDirEmptiesItAgain() throws Exception {
        Path staging = Files.createDirectories(dir.resolve("slot"));
        byte[] loads = good();
        loads[loads.length - 1024 - 600] ^= 1; // inside the last jar
        assertThrows(LoadsException.class, () -> verifier.verify(new ByteArrayInputStream(loads), publicKey, phone(), staging));
        assertTrue(Files.isDirectory(staging));
        try (Stream<Path> all = Files.list(staging)) {
            assertEquals(0, all.count());
        }
    }

    @Test
    void unsigned() throws Exception {
        byte[] m = manifest().toBytes();
        refused(tar("manifest.properties", m, "bundles/slf4j-api.jar", bundleBytes("slf4j-api.jar")), Reason.UNSIGNED);
        refused(tar("manifest.properties", m), Reason.UNSIGNED);
    }

    @Test
    void noManifestFirst() throws Exception {
        refused(tar("bundles/slf4j-api.jar", bundleBytes("slf4j-api.jar")), Reason.NO_MANIFEST);
    }

    @Test
    void signedByAnotherKey() throws Exception {
        LoadsException e = refused(signed(manifest(), otherPrivateKey), Reason.BAD_SIGNATURE);
        assertTrue(e.getMessage().contains(signatures.fingerprint(publicKey)), e.getMessage());
    }

    @Test
    void manifestEditedAfterSigning() throws Exception {
        LoadsManifest m = manifest();
        byte[] bytes = m.toBytes();
        byte[] sig = signatures.sign(bytes, privateKey);
        byte[] edited = new String(bytes, StandardCharsets.US_ASCII).replace("min-version=12-0-1MPP0001-1", "min-version=")
                .getBytes(StandardCharsets.US_ASCII);
        assertFalse(Arrays.equals(bytes, edited));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoadsWriter.write(out, edited, sig, image.resolve("bundles"));
        refused(out.toByteArray(), Reason.BAD_SIGNATURE);
    }

    @Test
    void aByteFlippedInABundle() throws Exception {
        byte[] loads = good();
        byte[] api = bundleBytes("mppfw-api.jar");
        int at = indexOf(loads, api) + api.length / 2;
        loads[at] ^= 0x01;
        LoadsException e = refused(loads, Reason.HASH_MISMATCH);
        assertTrue(e.getMessage().contains("mppfw-api.jar"), e.getMessage());
    }

    @Test
    void aSignedListingThatDoesNotMatchTheJarsOwnManifest() throws Exception {
        LoadsManifest m = manifest();
        List<SlotManifest.Bundle> bundles = new java.util.ArrayList<>(m.bundles());
        SlotManifest.Bundle b = bundles.get(1);
        bundles.set(1, new SlotManifest.Bundle(b.file(), "org.mppfw.impostor", b.bundleVersion(), b.startLevel(), b.size(),
                b.sha256()));
        LoadsException e = refused(signed(new LoadsManifest(m.version(), m.models(), m.minVersion(), bundles), privateKey),
                Reason.BUNDLE_MISMATCH);
        assertTrue(e.getMessage().contains("org.mppfw.api"), e.getMessage());
    }

    @Test
    void wrongModel() throws Exception {
        LoadsException e = refused(good(), VerifyPolicy.of("CP-7841-3PCC", "sip7841.12-0-1MPP0001-1", ""),
                Reason.WRONG_MODEL);
        assertTrue(e.getMessage().contains("CP-7841-3PCC"), e.getMessage());
        // the model is compared without case
        verifier.verify(new ByteArrayInputStream(good()), publicKey, VerifyPolicy.of("cp-8845-3pcc", null, null));
    }

    @Test
    void belowTheDowngradeLimit() throws Exception {
        refused(good(), VerifyPolicy.of(MODEL, "sip8845.12-0-1MPP0001-1", "12-0-2MPP0001-6"), Reason.BELOW_DOWNGRADE_LIMIT);
        // at the limit is allowed
        verifier.verify(new ByteArrayInputStream(good()), publicKey,
                VerifyPolicy.of(MODEL, "sip8845.12-0-1MPP0001-1", "sip8845.12-0-2MPP0001-5"));
    }

    @Test
    void belowTheMinimumVersion() throws Exception {
        refused(good(), VerifyPolicy.of(MODEL, "sip8845.11-3-7MPP0001-609", ""), Reason.BELOW_MINIMUM_VERSION);
        verifier.verify(new ByteArrayInputStream(good()), publicKey, VerifyPolicy.of(MODEL, "12-0-1MPP0001-1", ""));
        // an image without a minimum version upgrades from anything
        verifier.verify(new ByteArrayInputStream(signed(manifest("sip88xx.12-0-2MPP0001-5", null, MODEL), privateKey)),
                publicKey, VerifyPolicy.of(MODEL, "sip8845.11-3-7MPP0001-609", ""));
    }

    @Test
    void truncatedAnywhere() throws Exception {
        byte[] loads = good();
        for (int cut : new int[] {0, 100, 512, 700, 1536, loads.length / 2, loads.length - 1024, loads.length - 513,
            loads.length - 1}) {
            byte[] part = Arrays.copyOf(loads, cut);
            LoadsException e = refused(part, Reason.TRUNCATED);
            assertTrue(e.getMessage().contains("truncated"), cut + ": " + e.getMessage());
        }
    }

    @Test
    void aListedJarMissing() throws Exception {
        LoadsManifest m = manifest();
        byte[] bytes = m.toBytes();
        byte[] loads = tar("manifest.properties", bytes, "manifest.sig", signatures.sign(bytes, privateKey),
                "bundles/slf4j-api.jar", bundleBytes("slf4j-api.jar"), "bundles/mppfw-api.jar", bundleBytes("mppfw-api.jar"));
        LoadsException e = refused(loads, Reason.MISSING_BUNDLE);
        assertTrue(e.getMessage().contains("mppfw-config.jar"), e.getMessage());
    }

    @Test
    void anExtraUnlistedEntry() throws Exception {
        byte[] bytes = manifest().toBytes();
        byte[] loads = tar("manifest.properties", bytes, "manifest.sig", signatures.sign(bytes, privateKey),
                "bundles/slf4j-api.jar", bundleBytes("slf4j-api.jar"), "bundles/evil.jar", bundleBytes("slf4j-api.jar"));
        LoadsException e = refused(loads, Reason.EXTRA_ENTRY);
        assertTrue(e.getMessage().contains("bundles/evil.jar"), e.getMessage());
        // and bytes after the end-of-archive marker
        byte[] good = good();
        byte[] longer = Arrays.copyOf(good, good.length + 512);
        longer[longer.length - 3] = 7;
        refused(longer, Reason.EXTRA_ENTRY);
        // endless zeros are not padding
        refused(Arrays.copyOf(good, good.length + (int) Tar.MAX_PADDING + 1024), Reason.EXTRA_ENTRY);
    }

    @Test
    void tarsRecordPaddingAfterTheEndMarkerIsAccepted() throws Exception {
        byte[] good = good();
        int padded = (good.length + 10239) / 10240 * 10240 + 10240;
        assertEquals(good().length, good.length);
        new LoadsVerifier(signatures).verify(new java.io.ByteArrayInputStream(Arrays.copyOf(good, padded)),
                publicKey, VerifyPolicy.any());
    }

    @Test
    void aBundleTwice() throws Exception {
        byte[] bytes = manifest().toBytes();
        byte[] slf = bundleBytes("slf4j-api.jar");
        refused(tar("manifest.properties", bytes, "manifest.sig", signatures.sign(bytes, privateKey),
                "bundles/slf4j-api.jar", slf, "bundles/slf4j-api.jar", slf), Reason.DUPLICATE_ENTRY);
    }

    @Test
    void pathTraversalEntryNames() throws Exception {
        byte[] bytes = manifest().toBytes();
        byte[] head = tar("manifest.properties", bytes, "manifest.sig", signatures.sign(bytes, privateKey));
        head = Arrays.copyOf(head, head.length - 1024); // without its end marker
        for (String name : List.of("../evil.jar", "bundles/../../evil.jar", "/etc/passwd", "bundles/..\\evil.jar",
                "bundles//x.jar", "./bundles/mppfw-api.jar")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(head);
            out.write(rawEntry(name, bundleBytes("slf4j-api.jar")));
            out.write(new byte[1024]);
            LoadsException e = refused(out.toByteArray(), Reason.UNSAFE_ENTRY_NAME);
            assertFalse(Files.exists(dir.resolve("evil.jar")), name);
            assertTrue(e.getMessage().contains("outside"), e.getMessage());
        }
    }

    @Test
    void aLinkEntryIsRefused() throws Exception {
        byte[] bytes = manifest().toBytes();
        byte[] loads = tar("manifest.properties", bytes, "manifest.sig", signatures.sign(bytes, privateKey),
                "bundles/slf4j-api.jar", new byte[0]);
        // the third header: after the manifest's header and data and the signature's header and block
        int header = 512 + (bytes.length + 511) / 512 * 512 + 512 + 512;
        loads[header + 156] = '2';
        for (int i = 148; i < 156; i++) {
            loads[header + i] = ' ';
        }
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += loads[header + i] & 0xff;
        }
        byte[] s = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(s, 0, loads, header + 148, 6);
        loads[header + 154] = 0;
        refused(loads, Reason.UNSUPPORTED_ENTRY);
    }

    @Test
    void notAnImage() throws Exception {
        byte[] junk = new byte[4096];
        new java.util.Random(1).nextBytes(junk);
        refused(junk, Reason.NOT_AN_IMAGE);
        byte[] zip = new byte[2048];
        System.arraycopy("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), 0, zip, 0, 4);
        refused(zip, Reason.NOT_AN_IMAGE);
    }

    @Test
    void aSignedButMalformedManifest() throws Exception {
        byte[] bytes = "format=1\nversion=12-0-1\n".getBytes(StandardCharsets.US_ASCII);
        refused(tar("manifest.properties", bytes, "manifest.sig", signatures.sign(bytes, privateKey)), Reason.BAD_MANIFEST);
        byte[] future = new String(manifest().toBytes(), StandardCharsets.US_ASCII).replace("format=1", "format=2")
                .getBytes(StandardCharsets.US_ASCII);
        LoadsException e = refused(tar("manifest.properties", future, "manifest.sig", signatures.sign(future, privateKey)),
                Reason.BAD_MANIFEST);
        assertTrue(e.getMessage().contains("format 2"), e.getMessage());
    }

    @Test
    void anUnreadableTrustedKey() throws Exception {
        LoadsException e = assertThrows(LoadsException.class, () -> verifier.verify(new ByteArrayInputStream(good()),
                Files.readAllBytes(privateKey), phone()));
        assertEquals(Reason.BAD_TRUSTED_KEY, e.reason());
    }

    @Test
    void theManifestReadsBackAsWritten() throws Exception {
        LoadsManifest m = manifest();
        assertEquals(m, LoadsManifest.parse(m.toBytes()));
        String text = new String(m.toBytes(), StandardCharsets.US_ASCII);
        assertTrue(text.contains("\nbundle.1=slf4j-api.jar slf4j.api 2.0.17 1 "), text);
        assertTrue(text.contains("\nversion=sip88xx.12-0-2MPP0001-5\n"), text);
    }

    @Test
    void theBuilderRefusesAJarMissingFromTheList() throws Exception {
        jar(image.resolve("bundles/stray.jar"), "stray", "1.0.0", 10);
        IOException e = assertThrows(IOException.class, () -> manifest());
        assertTrue(e.getMessage().contains("stray.jar"), e.getMessage());
    }

    @Test
    void theBuilderRefusesAJarChangedAfterTheManifest() throws Exception {
        LoadsManifest m = manifest();
        jar(image.resolve("bundles/mppfw-api.jar"), "org.mppfw.api", "12.0.1.SNAPSHOT", 3001);
        byte[] bytes = m.toBytes();
        assertThrows(IOException.class, () -> LoadsWriter.write(OutputStream.nullOutputStream(), bytes,
                signatures.sign(bytes, privateKey), image.resolve("bundles")));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
