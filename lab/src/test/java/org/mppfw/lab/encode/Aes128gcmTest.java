package org.mppfw.lab.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mppfw.crypto.internal.ece.Aes128gcmInputStream;
import org.mppfw.testing.Commands;
import org.mppfw.testing.Npm;

/**
 * The lab's RFC 8188 bodies against the RFC's example, the {@code http_ece} reference
 * implementation and the phone's decoder.
 */
class Aes128gcmTest {

    /** 16 characters: http_ece takes an explicit key of 16 bytes only. */
    static final String IKM = "lab ikm 01234567";

    @TempDir
    Path dir;

    static byte[] b64(String s) {
        return Base64.getUrlDecoder().decode(s);
    }

    static byte[] ikm() {
        return IKM.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rfc8188Section31BitExact() {
        // "I am the walrus", rs 4096, no key id
        byte[] body = b64("I1BsxtFttlv3u_Oo94xnmwAAEAAA-NAVub2qFgBEuQKRapoZu-IxkIva3MEB1PD-ly8Thjg");
        byte[] ours = Aes128gcm.encrypt("I am the walrus".getBytes(StandardCharsets.UTF_8),
                b64("yqdlZ-tYemfogSmv7Ws5PQ"), Arrays.copyOf(body, 16), 4096);
        assertArrayEquals(body, ours);
    }

    @ParameterizedTest(name = "rs {0}, {1} bytes")
    @CsvSource({"18, 0", "18, 5", "25, 8", "25, 16", "4096, 0", "4096, 4079", "4096, 4080", "4096, 100000"})
    void httpEceAndThePhoneDecryptIt(int rs, int size) throws IOException {
        byte[] plain = new byte[size];
        new Random(size).nextBytes(plain);
        byte[] salt = new byte[16];
        new Random(rs).nextBytes(salt);
        byte[] body = Aes128gcm.encrypt(plain, ikm(), salt, rs);
        int records = Math.max(1, (size + rs - 18) / (rs - 17));
        assertEquals(21 + size + records * 17L, body.length, "header, content, a delimiter and a tag per record");

        try (InputStream in = new Aes128gcmInputStream(new ByteArrayInputStream(body), ikm())) {
            assertArrayEquals(plain, in.readAllBytes());
        }

        Files.write(dir.resolve("body"), body);
        Files.writeString(dir.resolve("dec.js"), """
                const ece = require('http_ece'), fs = require('fs');
                const [ikm, inf, outf] = process.argv.slice(2);
                fs.writeFileSync(outf, ece.decrypt(fs.readFileSync(inf), { version: 'aes128gcm',
                  key: Buffer.from(ikm, 'utf8') }));
                """);
        Commands.Result r = Commands.run(dir, Map.of("NODE_PATH", Npm.modules("http_ece").toString()), "node", "dec.js", IKM,
                "body", "plain");
        assertEquals(0, r.exit(), r.stderr());
        assertArrayEquals(plain, Files.readAllBytes(dir.resolve("plain")));
    }

    @Test
    void thePhoneDecodesAProfileServedWithContentEncodingAes128gcm() throws IOException {
        byte[] plain = Phone.profile(10000);
        byte[] body = Aes128gcm.encrypt(plain, ikm(), new byte[16], 4096);
        StringBuilder how = new StringBuilder();
        assertArrayEquals(plain, Phone.decode(body, "aes128gcm", null, IKM, how));
        assertTrue(how.toString().startsWith("aes128gcm (rs 4096"), how.toString());
    }

    @Test
    void theSaltAndTheRecordSizeAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Aes128gcm.encrypt(new byte[1], ikm(), new byte[15], 4096));
        assertThrows(IllegalArgumentException.class, () -> Aes128gcm.encrypt(new byte[1], ikm(), new byte[16], 17));
    }
}
