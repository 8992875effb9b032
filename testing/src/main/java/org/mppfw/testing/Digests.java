package org.mppfw.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex, to compare what went through a peer with what was sent. */
public final class Digests {

    private Digests() {
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digest of a file's content ("" digest of nothing while it does not exist). */
    public static String sha256(Path p) {
        try {
            return sha256(Files.exists(p) ? Files.readAllBytes(p) : new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
