package org.mppfw.lab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The lab's lasting state, made at first start and reused later, all in the root folder:
 * <ul>
 * <li>{@value #SECRETS}: the profile key given to the phone as {@code GPP_SA}, the RFC 8188
 * IKM given as {@code IKM_HTTP_Encrypt_Content}, and the key store's password;</li>
 * <li>{@value #CA_PEM}: the lab CA's certificate (public; the phone fetches it through
 * {@code Custom_CA_Rule});</li>
 * <li>{@value #KEY_STORE}: PKCS#12 with the CA's key and the HTTPS server's key and
 * certificate chain. The server certificate is issued again by the same CA when it does not
 * name the address the lab now serves on.</li>
 * </ul>
 * The secrets and the key store are never served (see {@link #isPrivate(String)}).
 */
public final class LabKeys {

    public static final String SECRETS = "lab-secrets.properties";
    public static final String CA_PEM = "lab-ca.pem";
    public static final String KEY_STORE = "lab-keys.p12";

    private static final String CA_ALIAS = "lab-ca";
    private static final String SERVER_ALIAS = "lab-server";
    private static final String SIGNATURE = "SHA256withRSA";

    private final String profileKey;
    private final String ikm;
    private final X509Certificate ca;
    private final X509Certificate server;
    private final SSLContext sslContext;

    private LabKeys(String profileKey, String ikm, X509Certificate ca, X509Certificate server, SSLContext ssl) {
        this.profileKey = profileKey;
        this.ikm = ikm;
        this.ca = ca;
        this.server = server;
        this.sslContext = ssl;
    }

    /** True for the files of the root that hold secrets and must never be served. */
    public static boolean isPrivate(String fileName) {
        return SECRETS.equals(fileName) || KEY_STORE.equals(fileName) || fileName.startsWith(".lab-");
    }

    /** The {@code GPP_SA} value: the passphrase of {@code openssl enc -aes-256-cbc -k}. */
    public String profileKey() {
        return profileKey;
    }

    /** The {@code IKM_HTTP_Encrypt_Content} value; its UTF-8 bytes are the RFC 8188 IKM. */
    public String ikm() {
        return ikm;
    }

    public X509Certificate ca() {
        return ca;
    }

    public X509Certificate serverCertificate() {
        return server;
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    /**
     * Loads the state from {@code root}, making what is missing; the server certificate names
     * 127.0.0.1, localhost and each of {@code addresses}.
     */
    public static LabKeys loadOrCreate(Path root, Collection<String> addresses) throws IOException {
        try {
            SecureRandom random = new SecureRandom();
            Properties secrets = loadSecrets(root, random);
            char[] storePassword = secrets.getProperty("keystore.password").toCharArray();
            Path storeFile = root.resolve(KEY_STORE);
            KeyStore store = KeyStore.getInstance("PKCS12");
            boolean changed = false;
            if (Files.isRegularFile(storeFile)) {
                try (InputStream in = Files.newInputStream(storeFile)) {
                    store.load(in, storePassword);
                }
            } else {
                store.load(null, storePassword);
            }
            if (!store.isKeyEntry(CA_ALIAS)) {
                KeyPair caKeys = rsa(random);
                X509Certificate caCert = issueCa(caKeys, random);
                store.setKeyEntry(CA_ALIAS, caKeys.getPrivate(), storePassword, new Certificate[] {caCert});
                store.deleteEntry(SERVER_ALIAS);
                changed = true;
            }
            X509Certificate caCert = (X509Certificate) store.getCertificate(CA_ALIAS);
            PrivateKey caKey = (PrivateKey) store.getKey(CA_ALIAS, storePassword);

            Set<String> ips = new LinkedHashSet<>();
            Set<String> dns = new LinkedHashSet<>();
            ips.add("127.0.0.1");
            dns.add("localhost");
            for (String a : addresses) {
                if (a == null || a.isBlank()) {
                    continue;
                }
                if (isIpLiteral(a)) {
                    // a literal: no name look-up happens here
                    InetAddress ip = InetAddress.getByName(a);
                    if (!ip.isAnyLocalAddress()) {
                        ips.add(ip.getHostAddress());
                    }
                } else {
                    dns.add(a.toLowerCase(java.util.Locale.ROOT));
                }
            }
            X509Certificate serverCert = store.isKeyEntry(SERVER_ALIAS)
                    ? (X509Certificate) store.getCertificate(SERVER_ALIAS) : null;
            if (serverCert == null || !names(serverCert, ips, dns) || expiresSoon(serverCert)) {
                KeyPair serverKeys = rsa(random);
                serverCert = issueServer(caCert, caKey, serverKeys, ips, dns, random);
                store.setKeyEntry(SERVER_ALIAS, serverKeys.getPrivate(), storePassword,
                        new Certificate[] {serverCert, caCert});
                changed = true;
            }
            if (changed) {
                Path tmp = root.resolve(".lab-" + KEY_STORE + ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    restrict(tmp);
                    store.store(out, storePassword);
                }
                Files.move(tmp, storeFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Path pem = root.resolve(CA_PEM);
            String caPem = pem(caCert);
            if (!Files.isRegularFile(pem) || !Files.readString(pem, StandardCharsets.US_ASCII).equals(caPem)) {
                Files.writeString(pem, caPem, StandardCharsets.US_ASCII);
            }

            KeyStore serverOnly = KeyStore.getInstance("PKCS12");
            serverOnly.load(null, storePassword);
            serverOnly.setKeyEntry(SERVER_ALIAS, store.getKey(SERVER_ALIAS, storePassword), storePassword,
                    store.getCertificateChain(SERVER_ALIAS));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(serverOnly, storePassword);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(kmf.getKeyManagers(), null, random);
            return new LabKeys(secrets.getProperty("gpp_sa"), secrets.getProperty("ikm"), caCert, serverCert, ssl);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make or load the lab's keys: " + e.getMessage(), e);
        }
    }

    private static Properties loadSecrets(Path root, SecureRandom random) throws IOException {
        Path file = root.resolve(SECRETS);
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        boolean changed = false;
        changed |= fill(p, "gpp_sa", random, 24);
        // 12 random bytes make 16 characters, whose UTF-8 bytes are a 16-byte IKM: RFC 8188 allows
        // any length, but http_ece (the reference implementation) takes exactly 16 bytes
        changed |= fill(p, "ikm", random, 12);
        changed |= fill(p, "keystore.password", random, 18);
        if (changed) {
            Path tmp = root.resolve(".lab-" + SECRETS + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                restrict(tmp);
                p.store(out, "mppfw lab server secrets: gpp_sa is the phone's GPP_SA (openssl enc -k passphrase), "
                        + "ikm its IKM_HTTP_Encrypt_Content (RFC 8188, UTF-8 bytes)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return p;
    }

    private static boolean fill(Properties p, String name, SecureRandom random, int bytes) {
        String v = p.getProperty(name);
        if (v != null && !v.isBlank()) {
            return false;
        }
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        // base64url: safe in XML, in a profile rule's --key and on a command line
        p.setProperty(name, Base64.getUrlEncoder().withoutPadding().encodeToString(b));
        return true;
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: keep the default permissions
        }
    }

    private static KeyPair rsa(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, random);
        return g.generateKeyPair();
    }

    private static X509Certificate issueCa(KeyPair keys, SecureRandom random)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X500Principal name = new X500Principal("CN=mppfw lab CA " + Long.toHexString(random.nextLong() >>> 16)
                + ", O=mppfw lab");
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(random),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        return sign(b, keys.getPrivate());
    }

    private static X509Certificate issueServer(X509Certificate ca, PrivateKey caKey, KeyPair keys, Set<String> ips,
            Set<String> dns, SecureRandom random) throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        List<GeneralName> san = new ArrayList<>();
        for (String name : dns) {
            san.add(new GeneralName(GeneralName.dNSName, name));
        }
        for (String ip : ips) {
            san.add(new GeneralName(GeneralName.iPAddress, ip));
        }
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial(random),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(825))),
                new X500Principal("CN=" + ips.iterator().next() + ", O=mppfw lab"), keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(san.toArray(GeneralName[]::new)))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
        return sign(b, caKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
            throws GeneralSecurityException, OperatorCreationException {
        ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(key);
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(signer));
        // a plain JDK certificate, so that key stores and TLS see no provider-specific class
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(cert.getEncoded()));
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(63, random).add(BigInteger.ONE);
    }

    /** True for an IPv4 or IPv6 literal (never a host name to look up). */
    public static boolean isIpLiteral(String s) {
        return s.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (s.contains(":") && s.matches("[0-9A-Fa-f:.]+"));
    }

    private static boolean names(X509Certificate cert, Set<String> ips, Set<String> dns)
            throws GeneralSecurityException {
        Collection<List<?>> sans = cert.getSubjectAlternativeNames();
        if (sans == null) {
            return false;
        }
        Set<String> have = new LinkedHashSet<>();
        Set<String> haveDns = new LinkedHashSet<>();
        for (List<?> san : sans) {
            if (((Integer) san.get(0)) == GeneralName.dNSName) {
                haveDns.add(((String) san.get(1)).toLowerCase(java.util.Locale.ROOT));
            } else if (((Integer) san.get(0)) == GeneralName.iPAddress) {
                try {
                    have.add(InetAddress.getByName((String) san.get(1)).getHostAddress());
                } catch (IOException e) {
                    // not an address we could have written
                }
            }
        }
        if (!haveDns.containsAll(dns)) {
            return false;
        }
        for (String ip : ips) {
            try {
                if (!have.contains(InetAddress.getByName(ip).getHostAddress())) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean expiresSoon(X509Certificate cert) {
        return cert.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(30)));
    }

    static String pem(X509Certificate cert) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(cert);
        }
        return w.toString();
    }
}
