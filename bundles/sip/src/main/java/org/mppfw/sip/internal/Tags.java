package org.mppfw.sip.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random tags and nonces. */
final class Tags {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tags() {
    }

    /** {@code bytes} random bytes in hex. */
    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
