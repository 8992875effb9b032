package org.mppfw.crypto.internal;

import org.mppfw.crypto.internal.ece.IkmEncoding;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the profile codec (PID {@code org.mppfw.crypto}). */
@ObjectClassDefinition(name = "mppfw profile codec",
        description = "Decryption of downloaded profiles and encryption of uploads.")
@interface CodecConfig {

    @AttributeDefinition(name = "IKM encoding",
            description = "How the string of IKM_HTTP_Encrypt_Content maps to RFC 8188 key bytes: UTF8 (its UTF-8 "
                    + "bytes, the default) or BASE64URL (RFC 4648 base64url, as in RFC 8188's examples).")
    IkmEncoding ikm_encoding() default IkmEncoding.UTF8;

    @AttributeDefinition(name = "Size limit",
            description = "Largest decoded profile in bytes, used when the caller gives none.")
    long max_bytes() default 64L * 1024 * 1024;
}
