package org.mppfw.crypto.internal.ece;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mppfw.crypto.internal.Samples;
import org.mppfw.testing.Commands;
import org.mppfw.testing.Npm;

/** RFC 8188 both ways against {@code http_ece}, the reference implementation by the RFC's author. */
class HttpEceCrossCheckTest {

    private static final String ENCRYPT = """
            const ece = require('http_ece'), fs = require('fs');
            const [key, salt, rs, keyid, inf, outf] = process.argv.slice(2);
            fs.writeFileSync(outf, ece.encrypt(fs.readFileSync(inf), { version: 'aes128gcm',
              key: Buffer.from(key, 'base64url'), salt: Buffer.from(salt, 'base64url'),
              rs: parseInt(rs, 10), keyid: keyid }));
            """;
    private static final String DECRYPT = """
            const ece = require('http_ece'), fs = require('fs');
            const [key, inf, outf] = process.argv.slice(2);
            fs.writeFileSync(outf, ece.decrypt(fs.readFileSync(inf), { version: 'aes128gcm',
              key: Buffer.from(key, 'base64url') }));
            """;

    @TempDir
    static Path dir;
    static Map<String, String> env;

    @BeforeAll
    static void scripts() throws IOException {
        env = Map.of("NODE_PATH", Npm.modules("http_ece").toString());
        Files.writeString(dir.resolve("enc.js"), ENCRYPT);
        Files.writeString(dir.resolve("dec.js"), DECRYPT);
    }

    @ParameterizedTest(name = "rs {0}, {1} bytes, keyid ''{2}''")
    @CsvSource({"18, 1, ''", "25, 15, a1", "25, 16, a1", "100, 0, ''", "100, 1000, k",
        "4096, 4079, prov-key-1", "4096, 4080, prov-key-1", "4096, 200000, ''", "65536, 300000, x"})
    void bothWays(int rs, int size, String keyId) throws IOException {
        byte[] data = size >= 32 ? Samples.profile(size) : Arrays.copyOf("I am the walrus, goo goo g'joob".getBytes(), size);
        // http_ece takes an explicit key of exactly 16 bytes
        byte[] ikm = Arrays.copyOf(("ikm-" + rs + "-" + size + "-padding").getBytes(StandardCharsets.UTF_8), 16);
        byte[] salt = Arrays.copyOf(Samples.sha256(data).getBytes(StandardCharsets.US_ASCII), 16);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(ikm);
        Files.write(dir.resolve("in.bin"), data);

        // theirs -> ours
        Commands.ok(dir, env, "node", "enc.js", key, Base64.getUrlEncoder().withoutPadding().encodeToString(salt),
                Integer.toString(rs), keyId, "in.bin", "theirs.ece");
        byte[] theirs = Files.readAllBytes(dir.resolve("theirs.ece"));
        try (InputStream in = new Aes128gcmInputStream(new ByteArrayInputStream(theirs), ikm)) {
            assertArrayEquals(data, in.readAllBytes());
        }

        // ours -> theirs, and the same bytes for the same salt
        byte[] ours = Aes128gcmTest.encrypt(data, ikm, salt, rs, keyId, 0);
        assertArrayEquals(theirs, ours);
        Files.write(dir.resolve("ours.ece"), ours);
        Commands.ok(dir, env, "node", "dec.js", key, "ours.ece", "back.bin");
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("back.bin")));
    }
}
