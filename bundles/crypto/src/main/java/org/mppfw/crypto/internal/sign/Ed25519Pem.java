package org.mppfw.crypto.internal.sign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.util.HexFormat;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** Ed25519 keys in PEM, signing and verification. */
public final class Ed25519Pem {

    public static final String ALGORITHM = "Ed25519";
    public static final int SIGNATURE_LENGTH = 64;
    /** id-Ed25519 (RFC 8410). */
    private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    private Ed25519Pem() {
    }

    /** Reads a PKCS#8 {@code PRIVATE KEY}; the message of a failure never shows key material. */
    public static Ed25519PrivateKeyParameters readPrivate(byte[] pem) throws InvalidKeyException {
        PemObject o = read(pem, "PRIVATE KEY");
        try {
            AsymmetricKeyParameter k = PrivateKeyFactory.createKey(o.getContent());
            if (k instanceof Ed25519PrivateKeyParameters p) {
                return p;
            }
            throw new InvalidKeyException("the private key is not an Ed25519 key");
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyException("the PRIVATE KEY cannot be read as PKCS#8");
        }
    }

    /** Reads a SubjectPublicKeyInfo {@code PUBLIC KEY}. */
    public static Ed25519PublicKeyParameters readPublic(byte[] pem) throws InvalidKeyException {
        PemObject o = read(pem, "PUBLIC KEY");
        AsymmetricKeyParameter k;
        try {
            k = PublicKeyFactory.createKey(o.getContent());
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyException("the PUBLIC KEY cannot be read as SubjectPublicKeyInfo");
        }
        if (k instanceof Ed25519PublicKeyParameters p) {
            return p;
        }
        throw new InvalidKeyException("the public key is not an Ed25519 key");
    }

    private static PemObject read(byte[] pem, String type) throws InvalidKeyException {
        try (PemReader r = new PemReader(new InputStreamReader(new ByteArrayInputStream(pem), StandardCharsets.US_ASCII))) {
            for (PemObject o = r.readPemObject(); o != null; o = r.readPemObject()) {
                if (o.getType().equals(type)) {
                    return o;
                }
                if (o.getType().equals("ENCRYPTED " + type)) {
                    throw new InvalidKeyException("encrypted PEM keys are not supported; decrypt it with 'openssl pkey'");
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyException("not a PEM file");
        }
        throw new InvalidKeyException("no PEM '" + type + "' block found");
    }

    public static byte[] sign(byte[] message, Ed25519PrivateKeyParameters key) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, key);
        s.update(message, 0, message.length);
        return s.generateSignature();
    }

    public static void verify(byte[] message, byte[] signature, Ed25519PublicKeyParameters key)
            throws SignatureException {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            throw new SignatureException("an Ed25519 signature is 64 bytes, got "
                    + (signature == null ? "none" : signature.length));
        }
        Ed25519Signer s = new Ed25519Signer();
        s.init(false, key);
        s.update(message, 0, message.length);
        if (!s.verifySignature(signature)) {
            throw new SignatureException("the manifest signature does not verify with key " + fingerprint(key));
        }
    }

    /** First 16 hex digits of the SHA-256 of the SubjectPublicKeyInfo. */
    public static String fingerprint(Ed25519PublicKeyParameters key) {
        try {
            byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded();
            byte[] h = MessageDigest.getInstance("SHA-256").digest(spki);
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new key pair as PEM texts: private (PKCS#8), then public (SubjectPublicKeyInfo). */
    public static String[] generate(SecureRandom random) {
        Ed25519KeyPairGenerator g = new Ed25519KeyPairGenerator();
        g.init(new Ed25519KeyGenerationParameters(random));
        AsymmetricCipherKeyPair pair = g.generateKeyPair();
        try {
            return new String[] {
                pem("PRIVATE KEY", pkcs8((Ed25519PrivateKeyParameters) pair.getPrivate())),
                pem("PUBLIC KEY", SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()).getEncoded())};
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The RFC 8410 PKCS#8 v1 form that {@code openssl genpkey} writes (Bouncy Castle's factory
     * writes the v2 form with the public key, which OpenSSL 3.0 does not read).
     */
    static byte[] pkcs8(Ed25519PrivateKeyParameters key) throws IOException {
        return new PrivateKeyInfo(new AlgorithmIdentifier(ID_ED25519),
                new DEROctetString(key.getEncoded())).getEncoded("DER");
    }

    /** The public half of a private key, as PEM. */
    public static String publicPem(Ed25519PrivateKeyParameters key) {
        try {
            return pem("PUBLIC KEY",
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key.generatePublicKey()).getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) throws IOException {
        StringWriter w = new StringWriter();
        try (PemWriter p = new PemWriter(w)) {
            p.writeObject(new PemObject(type, der));
        }
        return w.toString();
    }
}
