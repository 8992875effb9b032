package org.mppfw.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

    @TempDir
    Path dir;

    @Test
    void knownDigestsOfFilesAndStreams() throws Exception {
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.of(empty));
        // FIPS 180-2, appendix B.2
        String two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                Sha256.of(Files.writeString(dir.resolve("two"), two)));
        // a file larger than one read buffer hashes as one piece
        byte[] big = new byte[200_000];
        new java.util.Random(7).nextBytes(big);
        MessageDigest md = Sha256.digest();
        md.update(big);
        assertEquals(Sha256.hex(md), Sha256.of(Files.write(dir.resolve("big"), big)));
        MessageDigest abc = Sha256.digest();
        abc.update("abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex(abc));
    }
}
