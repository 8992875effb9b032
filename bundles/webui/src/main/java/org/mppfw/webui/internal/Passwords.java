package org.mppfw.webui.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Compares secrets in a time that does not depend on where they differ, nor on their lengths. */
final class Passwords {

    private Passwords() {
    }

    /** Whether {@code given} equals {@code expected}; both are hashed first so that lengths do not leak. */
    static boolean matches(String given, String expected) {
        return MessageDigest.isEqual(sha256(given == null ? "" : given), sha256(expected == null ? "" : expected));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
