package org.mppfw.api.profile;

import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns downloaded bytes into a profile document: RFC 8188 when the content encoding says
 * {@code aes128gcm} and an IKM is set, else AES-256-CBC when a key is given, then gunzip when
 * the gzip magic is present.
 */
@ProviderType
public interface ProfileCodec {

    /**
     * Decodes a stream lazily; errors surface as {@link DecodeException} while reading.
     *
     * @throws DecodeException if the stream's header is already wrong
     */
    InputStream decode(InputStream raw, DecodeOptions options) throws DecodeException;
}
