package org.mppfw.sip.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random tags and nonces. */
final class Tags {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tags() {
    }

    /** A fresh From or To tag. */
    static String of(LineConfig cfg) {
        return random(6);
    }

    /** {@code bytes} random bytes in hex. */
    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
