package org.mppfw.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Arrays;

import org.mppfw.api.crypto.ContentEncryptor;
import org.mppfw.api.crypto.KdfDigest;
import org.mppfw.api.profile.DecodeException;
import org.mppfw.api.profile.DecodeOptions;
import org.mppfw.api.profile.ProfileCodec;
import org.mppfw.crypto.internal.ece.Aes128gcmOutputStream;
import org.mppfw.crypto.internal.ece.IkmEncoding;
import org.mppfw.crypto.internal.openssl.OpensslCbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The profile codec and the upload encryptor, sharing one configuration. */
@Component(service = {ProfileCodec.class, ContentEncryptor.class}, configurationPid = ContentCodec.PID)
@Designate(ocd = CodecConfig.class)
public final class ContentCodec implements ProfileCodec, ContentEncryptor {

    static final String PID = "org.mppfw.crypto";

    private static final Logger LOG = LoggerFactory.getLogger(ContentCodec.class);

    private final IkmEncoding ikmEncoding;
    private final long maxBytes;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public ContentCodec(CodecConfig config) {
        this(config.ikm_encoding(), config.max_bytes());
    }

    ContentCodec(IkmEncoding ikmEncoding, long maxBytes) {
        this.ikmEncoding = ikmEncoding;
        this.maxBytes = maxBytes > 0 ? maxBytes : 64L * 1024 * 1024;
        LOG.debug("profile codec: IKM as {}, default limit {} bytes", ikmEncoding, this.maxBytes);
    }

    @Override
    public InputStream decode(InputStream raw, DecodeOptions options) throws DecodeException {
        try {
            ProfileDecoding.Decoded d = ProfileDecoding.open(raw, options, ikmEncoding, maxBytes);
            LOG.info("profile decoding: {}", d.description());
            return d.stream();
        } catch (DecodeException e) {
            LOG.warn("profile decoding failed: {}", e.getMessage());
            throw e;
        } catch (IOException e) {
            throw new DecodeException("profile could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public OutputStream encryptCbc(OutputStream sink, char[] key, KdfDigest digest) throws IOException {
        byte[] pass = IkmEncoding.utf8(key);
        try {
            return OpensslCbc.encrypt(sink, pass, digest, random);
        } finally {
            Arrays.fill(pass, (byte) 0);
        }
    }

    @Override
    public OutputStream encryptAes128gcm(OutputStream sink, char[] ikm, String keyId, int recordSize)
            throws IOException {
        byte[] key = ikmEncoding.toBytes(ikm);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        try {
            return new Aes128gcmOutputStream(sink, key, salt, recordSize == 0 ? DEFAULT_RECORD_SIZE : recordSize,
                    keyId, 0);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
