package org.mppfw.http.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The phone's own self-signed certificate, for its TLS servers when no device certificate is
 * installed: an EC P-256 key and an X.509 v1 certificate signed with it (ECDSA with SHA-256),
 * valid for 20 years from the moment it is made, named {@code CN=<name>}. The JDK makes keys but
 * no certificates; the DER written here is the handful of structures a v1 certificate needs.
 */
final class SelfSignedCertificate {

    /** ecdsa-with-SHA256, 1.2.840.10045.4.3.2. */
    private static final byte[] ECDSA_SHA256 = {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02};
    /** commonName, 2.5.4.3. */
    private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};
    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;

    /** A key pair and its certificate. */
    record Made(KeyPair keys, X509Certificate certificate) {
    }

    private SelfSignedCertificate() {
    }

    static Made make(String commonName, ZonedDateTime now) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = g.generateKeyPair();
        byte[] serial = new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray();
        byte[] name = tlv(SEQUENCE, tlv(SET, tlv(SEQUENCE, COMMON_NAME,
                tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
        ZonedDateTime from = now.withZoneSameInstant(ZoneOffset.UTC).withNano(0);
        byte[] tbs = tlv(SEQUENCE, tlv(0x02, serial), tlv(SEQUENCE, ECDSA_SHA256), name,
                tlv(SEQUENCE, time(from), time(from.plusYears(20))), name, keys.getPublic().getEncoded());
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(keys.getPrivate());
        s.update(tbs);
        byte[] signature = s.sign();
        byte[] bits = new byte[signature.length + 1]; // no unused bits
        System.arraycopy(signature, 0, bits, 1, signature.length);
        byte[] der = tlv(SEQUENCE, tbs, tlv(SEQUENCE, ECDSA_SHA256), tlv(0x03, bits));
        X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        c.verify(keys.getPublic());
        return new Made(keys, c);
    }

    /** UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280, 4.1.2.5). */
    private static byte[] time(ZonedDateTime t) {
        boolean utc = t.getYear() < 2050;
        String s = DateTimeFormatter.ofPattern(utc ? "yyMMddHHmmss'Z'" : "yyyyMMddHHmmss'Z'").format(t);
        return tlv(utc ? 0x17 : 0x18, s.getBytes(StandardCharsets.US_ASCII));
    }

    /** One DER element: tag, definite length, the parts' bytes. */
    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        int n = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 6);
        out.write(tag);
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
