package org.mppfw.http.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;

import org.mppfw.api.device.ServerKeyStore;
import org.mppfw.layout.Durable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key store the phone's TLS servers present: the device certificate's key and chain when the
 * device certificate is installed, else the phone's self-signed certificate, made once into
 * {@value #SELF_SIGNED} of the data dir and kept (a factory reset keeps it, as a phone keeps its
 * manufacturing certificate). Either is copied into {@value #SERVED}, owner-only, under a random
 * password made for this run; the copy is made again when its source changes or is gone.
 */
final class ServerKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ServerKeys.class);
    static final String SELF_SIGNED = "identity/self-signed.p12";
    static final String SERVED = "state/http/server.p12";
    private static final String ALIAS = "server";

    private final Path dataDir;
    private final char[] password;
    private String servedFrom = "";
    private ServerKeyStore served;

    ServerKeys(Path dataDir) {
        this.dataDir = dataDir;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }

    /**
     * @param device         the device certificate's PKCS#12 file (may be missing)
     * @param devicePassword its password
     * @param commonName     the name of a self-signed certificate, if one is to be made
     */
    synchronized ServerKeyStore get(Path device, char[] devicePassword, String commonName) throws IOException {
        boolean installed = Files.isRegularFile(device);
        Path source = installed ? device : selfSigned(commonName);
        Path out = dataDir.resolve(SERVED);
        String from = source + "|" + Files.getLastModifiedTime(source).toMillis() + "|" + Files.size(source);
        if (served != null && from.equals(servedFrom) && Files.isRegularFile(out)) {
            return served;
        }
        try {
            KeyStore in = load(source, installed ? devicePassword : new char[0]);
            String alias = Collections.list(in.aliases()).stream().filter(a -> isKey(in, a)).findFirst()
                    .orElseThrow(() -> new GeneralSecurityException(source.getFileName() + " holds no key"));
            Key key = in.getKey(alias, installed ? devicePassword : new char[0]);
            Certificate[] chain = in.getCertificateChain(alias);
            KeyStore copy = KeyStore.getInstance("PKCS12");
            copy.load(null, null);
            copy.setKeyEntry(ALIAS, key, password, chain);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            copy.store(bytes, password);
            Durable.createPrivateDirectories(out.getParent());
            Durable.savePrivate(out, bytes.toByteArray());
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
            served = new ServerKeyStore(out, password, installed, sha256);
            servedFrom = from;
            LOG.info("TLS server key: the {} (SHA-256 {})", installed ? "device certificate" : "self-signed certificate",
                    sha256);
            return served;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key of " + source.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The self-signed key store, made on first use. */
    private Path selfSigned(String commonName) throws IOException {
        Path p = dataDir.resolve(SELF_SIGNED);
        if (!Files.isRegularFile(p)) {
            try {
                SelfSignedCertificate.Made m = SelfSignedCertificate.make(commonName, ZonedDateTime.now());
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry(ALIAS, m.keys().getPrivate(), new char[0], new Certificate[] {m.certificate()});
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ks.store(bytes, new char[0]);
                Durable.createPrivateDirectories(p.getParent());
                Durable.savePrivate(p, bytes.toByteArray());
                LOG.info("No device certificate: made the phone's self-signed certificate ({})", SELF_SIGNED);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot make a self-signed certificate: " + e.getMessage(), e);
            }
        }
        return p;
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return ks;
    }

    private static boolean isKey(KeyStore ks, String alias) {
        try {
            return ks.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
