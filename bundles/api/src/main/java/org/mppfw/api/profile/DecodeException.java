package org.mppfw.api.profile;

import java.io.IOException;

/** Bytes that cannot be decoded: a wrong key, tampering, a broken gzip stream, too big. */
public class DecodeException extends IOException {

    private static final long serialVersionUID = 1L;

    public DecodeException(String message, Throwable cause) {
        super(message, cause);
    }

    public DecodeException(String message) {
        super(message);
    }
}
