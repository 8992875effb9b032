package org.mppfw.upgrade.internal.image;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.mppfw.api.crypto.ManifestSignatures;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.layout.Sha256;
import org.mppfw.layout.SlotLayout;
import org.mppfw.layout.SlotManifest;
import org.mppfw.upgrade.internal.image.LoadsException.Reason;

/**
 * Reads a {@code .loads} image once, front to back, and refuses it at the first problem. The
 * signature is checked before anything of the manifest is believed, the model and version rules
 * before any bundle is read, and every bundle's size, SHA-256, symbolic name and version as it
 * streams by. Written files go only to the given staging dir, under names taken from the signed
 * manifest; when the image is refused the staging dir is left as empty as it was found.
 */
public final class LoadsVerifier {

    static final String MANIFEST = SlotManifest.FILE;
    static final String SIGNATURE = SlotManifest.SIGNATURE;
    static final int MAX_MANIFEST = 1 << 20;
    static final int MAX_SIGNATURE = 4096;

    private final ManifestSignatures signatures;

    public LoadsVerifier(ManifestSignatures signatures) {
        this.signatures = signatures;
    }

    /** Verifies without writing anything. */
    public VerifiedImage verify(InputStream image, byte[] trustedKeyPem, VerifyPolicy policy) throws LoadsException {
        return verify(image, trustedKeyPem, policy, null);
    }

    /**
     * Verifies and writes the manifest, its signature and {@code bundles/*.jar} to {@code staging}
     * (created if absent, else it must be empty).
     *
     * @param staging where to put the verified files, or null to write nothing
     */
    public VerifiedImage verify(InputStream image, byte[] trustedKeyPem, VerifyPolicy policy, Path staging)
            throws LoadsException {
        boolean created = false;
        if (staging != null) {
            try {
                if (Files.isDirectory(staging)) {
                    try (DirectoryStream<Path> d = Files.newDirectoryStream(staging)) {
                        if (d.iterator().hasNext()) {
                            throw new LoadsException(Reason.IO_ERROR, "the staging dir " + staging + " is not empty");
                        }
                    }
                } else {
                    Files.createDirectories(staging);
                    created = true;
                }
            } catch (IOException e) {
                throw new LoadsException(Reason.IO_ERROR, "cannot use the staging dir " + staging + ": " + e.getMessage(), e);
            }
        }
        boolean ok = false;
        try {
            VerifiedImage v = read(new Tar.Reader(image), trustedKeyPem, policy, staging);
            ok = true;
            return v;
        } catch (EOFException e) {
            throw new LoadsException(Reason.TRUNCATED, "the image is truncated (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new LoadsException(Reason.IO_ERROR, String.valueOf(e.getMessage()), e);
        } finally {
            if (!ok && staging != null) {
                clean(staging, created);
            }
        }
    }

    private VerifiedImage read(Tar.Reader tar, byte[] trustedKeyPem, VerifyPolicy policy, Path staging)
            throws IOException, LoadsException {
        Tar.Header first = tar.next();
        if (first == null || !MANIFEST.equals(first.name())) {
            throw new LoadsException(Reason.NO_MANIFEST, "the first entry is " + (first == null ? "missing"
                    : "'" + printable(first.name()) + "'") + ", not " + MANIFEST);
        }
        byte[] manifestBytes = small(tar, first, MAX_MANIFEST, Reason.BAD_MANIFEST);
        Tar.Header second = tar.next();
        if (second == null || !SIGNATURE.equals(second.name())) {
            throw new LoadsException(Reason.UNSIGNED, "the image has no " + SIGNATURE + " after its manifest");
        }
        byte[] signature = small(tar, second, MAX_SIGNATURE, Reason.BAD_SIGNATURE);

        String fingerprint;
        try {
            fingerprint = signatures.fingerprint(trustedKeyPem);
        } catch (GeneralSecurityException e) {
            throw new LoadsException(Reason.BAD_TRUSTED_KEY, "the trusted key: " + e.getMessage());
        }
        try {
            signatures.verify(manifestBytes, signature, trustedKeyPem);
        } catch (GeneralSecurityException e) {
            throw new LoadsException(Reason.BAD_SIGNATURE, "the manifest is not signed by the trusted "
                    + signatures.algorithm() + " key " + fingerprint + " (signed by another key, or changed after signing)");
        }
        LoadsManifest manifest = LoadsManifest.parse(manifestBytes);
        check(manifest, policy);

        if (staging != null) {
            Files.write(staging.resolve(MANIFEST), manifestBytes);
            Files.write(staging.resolve(SIGNATURE), signature);
            Files.createDirectories(staging.resolve(SlotLayout.BUNDLES));
        }
        Map<String, SlotManifest.Bundle> listed = new HashMap<>();
        for (SlotManifest.Bundle b : manifest.bundles()) {
            listed.put(b.entryName(), b);
        }
        Set<String> seen = new HashSet<>();
        for (Tar.Header h = tar.next(); h != null; h = tar.next()) {
            String name = h.name();
            if (h.type() == '5' && (name.equals(SlotLayout.BUNDLES + "/") || name.equals(SlotLayout.BUNDLES))) {
                continue; // the directory entry tar(1) writes for bundles/
            }
            if (!isSafe(name)) {
                throw new LoadsException(Reason.UNSAFE_ENTRY_NAME, "the entry name '" + printable(name)
                        + "' could point outside the staging dir");
            }
            if (h.type() != '0') {
                throw new LoadsException(Reason.UNSUPPORTED_ENTRY, "the entry '" + name + "' is not a regular file (type '"
                        + h.type() + "')");
            }
            if (name.equals(MANIFEST) || name.equals(SIGNATURE) || !seen.add(name) && listed.containsKey(name)) {
                throw new LoadsException(Reason.DUPLICATE_ENTRY, "the entry '" + name + "' appears twice");
            }
            SlotManifest.Bundle b = listed.get(name);
            if (b == null) {
                throw new LoadsException(Reason.EXTRA_ENTRY, "the entry '" + name + "' is not listed in the manifest");
            }
            if (h.size() != b.size()) {
                throw new LoadsException(Reason.SIZE_MISMATCH, b.file() + " is " + h.size() + " bytes, the manifest says "
                        + b.size());
            }
            bundle(tar, b, staging == null ? null : b.jar(staging));
        }
        for (SlotManifest.Bundle b : manifest.bundles()) {
            if (!seen.contains(b.entryName())) {
                throw new LoadsException(Reason.MISSING_BUNDLE, "the manifest lists " + b.file() + " ("
                        + b.symbolicName() + ") but the image does not hold it");
            }
        }
        return new VerifiedImage(manifest, fingerprint, Optional.ofNullable(staging));
    }

    /**
     * Verifies an image already installed in a slot dir (its {@code manifest.properties},
     * {@code manifest.sig} and {@code bundles/}) as if it came again: signature, model, versions
     * and every jar's size and SHA-256.
     */
    public VerifiedImage verifyInstalled(Path dir, byte[] trustedKeyPem, VerifyPolicy policy) throws LoadsException {
        try {
            byte[] manifestBytes = Files.readAllBytes(dir.resolve(MANIFEST));
            byte[] signature = Files.readAllBytes(dir.resolve(SIGNATURE));
            String fingerprint;
            try {
                fingerprint = signatures.fingerprint(trustedKeyPem);
                signatures.verify(manifestBytes, signature, trustedKeyPem);
            } catch (GeneralSecurityException e) {
                throw new LoadsException(Reason.BAD_SIGNATURE, "the installed manifest is not signed by the trusted key");
            }
            LoadsManifest manifest = LoadsManifest.parse(manifestBytes);
            check(manifest, policy);
            for (SlotManifest.Bundle b : manifest.bundles()) {
                if (!b.matches(b.jar(dir))) {
                    throw new LoadsException(Reason.HASH_MISMATCH, "the installed " + b.file() + " does not match its manifest");
                }
            }
            return new VerifiedImage(manifest, fingerprint, Optional.of(dir));
        } catch (IOException e) {
            throw new LoadsException(Reason.IO_ERROR, "the installed image cannot be read: " + e.getMessage(), e);
        }
    }

    /** Model, minimum version and downgrade limit. */
    static void check(LoadsManifest m, VerifyPolicy policy) throws LoadsException {
        if (policy.model().isPresent() && !m.isFor(policy.model().get())) {
            throw new LoadsException(Reason.WRONG_MODEL, "image " + m.version() + " is for " + String.join(", ", m.models())
                    + ", not " + policy.model().get());
        }
        Optional<FirmwareVersion> min = m.minVersion();
        if (min.isPresent() && policy.running().isPresent() && policy.running().get().compareTo(min.get()) < 0) {
            throw new LoadsException(Reason.BELOW_MINIMUM_VERSION, "image " + m.version() + " upgrades only from "
                    + min.get().release() + " or later; this phone runs " + policy.running().get().release());
        }
        if (policy.downgradeLimit().isPresent() && m.version().compareTo(policy.downgradeLimit().get()) < 0) {
            throw new LoadsException(Reason.BELOW_DOWNGRADE_LIMIT, "image " + m.version().release()
                    + " is below Downgrade_Rev_Limit " + policy.downgradeLimit().get().release());
        }
    }

    private static void bundle(Tar.Reader tar, SlotManifest.Bundle b, Path target) throws IOException, LoadsException {
        MessageDigest sha = Sha256.digest();
        Manifest jarManifest = null;
        boolean readable = true;
        try (OutputStream out = target == null ? OutputStream.nullOutputStream() : Files.newOutputStream(target)) {
            InputStream tee = new Tee(new DigestInputStream(tar.data(), sha), out);
            try {
                jarManifest = new JarInputStream(tee, false).getManifest();
            } catch (EOFException e) {
                if (tar.truncated()) {
                    throw e;
                }
                readable = false;
            } catch (IOException | RuntimeException e) {
                // java.util.jar throws IllegalArgumentException for a malformed entry name, among others:
                // the hash check below decides, with the reason that matters
                readable = false;
            }
            tee.transferTo(OutputStream.nullOutputStream());
        }
        String hash = Sha256.hex(sha);
        if (!hash.equals(b.sha256())) {
            throw new LoadsException(Reason.HASH_MISMATCH, b.file() + " has SHA-256 " + hash + ", the manifest says "
                    + b.sha256());
        }
        if (!readable || jarManifest == null) {
            throw new LoadsException(Reason.BUNDLE_MISMATCH, b.file() + " is not a jar with a manifest");
        }
        String bsn = symbolicName(jarManifest);
        String version = bundleVersion(jarManifest);
        if (!b.symbolicName().equals(bsn) || !b.bundleVersion().equals(version)) {
            throw new LoadsException(Reason.BUNDLE_MISMATCH, b.file() + " is " + bsn + " " + version
                    + ", the manifest says " + b.symbolicName() + " " + b.bundleVersion());
        }
    }

    /** The Bundle-SymbolicName without directives, or null. */
    static String symbolicName(Manifest m) {
        String v = m.getMainAttributes().getValue("Bundle-SymbolicName");
        if (v == null) {
            return null;
        }
        int semi = v.indexOf(';');
        return (semi >= 0 ? v.substring(0, semi) : v).trim();
    }

    /** The Bundle-Version as written, {@code 0.0.0} if none. */
    static String bundleVersion(Manifest m) {
        String v = m.getMainAttributes().getValue("Bundle-Version");
        return v == null || v.isBlank() ? "0.0.0" : v.trim();
    }

    /** A relative name of plain segments: no absolute path, {@code .}, {@code ..}, backslash or control character. */
    static boolean isSafe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf(':') >= 0) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x20 || name.charAt(i) == 0x7f) {
                return false;
            }
        }
        for (String seg : name.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static byte[] small(Tar.Reader tar, Tar.Header h, int max, Reason reason) throws IOException, LoadsException {
        if (h.type() != '0') {
            throw new LoadsException(Reason.UNSUPPORTED_ENTRY, "the entry '" + h.name() + "' is not a regular file");
        }
        if (h.size() > max) {
            throw new LoadsException(reason, h.name() + " is " + h.size() + " bytes, more than " + max);
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream((int) h.size());
        tar.data().transferTo(b);
        return b.toByteArray();
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return b.length() > 120 ? b.substring(0, 120) + "..." : b.toString();
    }

    private static void clean(Path staging, boolean created) {
        try (Stream<Path> files = Files.walk(staging)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> created || !p.equals(staging)).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort; the next attempt refuses a non-empty staging dir
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }

    /** Copies what is read to an output. */
    private static final class Tee extends FilterInputStream {
        private final OutputStream out;

        Tee(InputStream in, OutputStream out) {
            super(in);
            this.out = out;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                out.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                out.write(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            int r = read(buf, 0, buf.length);
            return Math.max(r, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
