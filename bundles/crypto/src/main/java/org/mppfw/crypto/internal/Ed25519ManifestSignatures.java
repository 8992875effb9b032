package org.mppfw.crypto.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import org.mppfw.api.crypto.ManifestSignatures;
import org.mppfw.crypto.internal.sign.Ed25519Pem;
import org.osgi.service.component.annotations.Component;

/** Firmware manifest signatures with Ed25519 (see the {@code sign} package for why). */
@Component(service = ManifestSignatures.class)
public final class Ed25519ManifestSignatures implements ManifestSignatures {

    @Override
    public String algorithm() {
        return Ed25519Pem.ALGORITHM;
    }

    @Override
    public byte[] sign(byte[] manifest, Path privateKeyPem) throws IOException, GeneralSecurityException {
        byte[] pem = Files.readAllBytes(privateKeyPem);
        try {
            return Ed25519Pem.sign(manifest, Ed25519Pem.readPrivate(pem));
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
    }

    @Override
    public void verify(byte[] manifest, byte[] signature, byte[] publicKeyPem) throws GeneralSecurityException {
        Ed25519Pem.verify(manifest, signature, Ed25519Pem.readPublic(publicKeyPem));
    }

    @Override
    public String fingerprint(byte[] publicKeyPem) throws GeneralSecurityException {
        return Ed25519Pem.fingerprint(Ed25519Pem.readPublic(publicKeyPem));
    }
}
