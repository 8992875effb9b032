package org.mppfw.http.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The phone's TLS trust and identity: the built-in roots (the JDK's) plus the custom CA, and the
 * device's client certificate (a PKCS#12 file) for mutual TLS.
 */
final class TlsMaterial {

    private final List<X509Certificate> customCas;
    private final Path clientKeyStore;
    private final char[] clientKeyStorePassword;
    private final boolean builtInRoots;
    private SSLContext context;

    /**
     * @param customCas              extra trusted roots (the custom CA), may be empty
     * @param builtInRoots           whether the built-in roots are trusted too
     * @param clientKeyStore         the device certificate (PKCS#12), or null; a missing file means none
     * @param clientKeyStorePassword its password
     */
    TlsMaterial(List<X509Certificate> customCas, boolean builtInRoots, Path clientKeyStore,
            char[] clientKeyStorePassword) {
        this.customCas = List.copyOf(customCas);
        this.builtInRoots = builtInRoots;
        this.clientKeyStore = clientKeyStore;
        this.clientKeyStorePassword = clientKeyStorePassword == null ? new char[0] : clientKeyStorePassword.clone();
    }

    List<X509Certificate> customCas() {
        return customCas;
    }

    /** Whether a device certificate is installed (the phone's {@code $CCERT}). */
    boolean hasClientCertificate() {
        return clientKeyStore != null && Files.isRegularFile(clientKeyStore);
    }

    /** The context, built once (loading the roots and the key store costs tens of milliseconds). */
    synchronized SSLContext sslContext() throws GeneralSecurityException, IOException {
        if (context == null) {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers(), new TrustManager[] {trustManager()}, null);
            context = ctx;
        }
        return context;
    }

    private KeyManager[] keyManagers() throws GeneralSecurityException, IOException {
        if (!hasClientCertificate()) {
            return null;
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(clientKeyStore)) {
            ks.load(in, clientKeyStorePassword);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, clientKeyStorePassword);
        return kmf.getKeyManagers();
    }

    private X509TrustManager trustManager() throws GeneralSecurityException, IOException {
        KeyStore ts = KeyStore.getInstance(KeyStore.getDefaultType());
        ts.load(null, null);
        int n = 0;
        if (builtInRoots) {
            for (X509Certificate c : defaultRoots()) {
                ts.setCertificateEntry("builtin-" + n++, c);
            }
        }
        for (X509Certificate c : customCas) {
            ts.setCertificateEntry("custom-" + n++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager) {
                return (X509TrustManager) tm;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    private static List<X509Certificate> defaultRoots() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        List<X509Certificate> out = new ArrayList<>();
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager) {
                out.addAll(Arrays.asList(((X509TrustManager) tm).getAcceptedIssuers()));
            }
        }
        return out;
    }

    /**
     * Reads the certificates of a PEM (or DER) file: the custom CA. Only CA certificates are kept.
     *
     * @throws CertificateException if the data holds no CA certificate
     */
    static List<X509Certificate> parseCaCertificates(byte[] data) throws CertificateException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        Collection<? extends java.security.cert.Certificate> certs = cf.generateCertificates(new ByteArrayInputStream(data));
        List<X509Certificate> cas = new ArrayList<>();
        for (java.security.cert.Certificate c : certs) {
            if (c instanceof X509Certificate && ((X509Certificate) c).getBasicConstraints() >= 0) {
                cas.add((X509Certificate) c);
            }
        }
        if (cas.isEmpty()) {
            throw new CertificateException("no CA certificate found");
        }
        return cas;
    }
}
