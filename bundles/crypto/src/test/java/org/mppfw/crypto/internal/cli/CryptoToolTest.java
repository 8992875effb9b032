package org.mppfw.crypto.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoToolTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return CryptoTool.run(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void keygenSignVerify() throws IOException {
        String priv = dir.resolve("priv.pem").toString();
        String pub = dir.resolve("pub.pem").toString();
        Path manifest = Files.writeString(dir.resolve("manifest"), "model: 8845\n");
        assertEquals(0, run("keygen", "--private", priv, "--public", pub));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(priv))));
        assertEquals(0, run("sign", "--key", priv, manifest.toString()));
        assertEquals(64, Files.size(dir.resolve("manifest.sig")));
        assertEquals(0, run("verify", "--pub", pub, manifest.toString()));
        out.reset();
        assertEquals(0, run("pubkey", "--key", priv));
        assertEquals(Files.readString(Path.of(pub)), out.toString());

        Files.writeString(manifest, "model: 8865\n");
        assertEquals(1, run("verify", "--pub", pub, manifest.toString()));
        assertTrue(err.toString().startsWith("verify: the manifest signature does not verify"), err.toString());
        assertEquals(1, run("sign", "--key", dir.resolve("none.pem").toString(), manifest.toString()));
        assertEquals(2, run("sign", manifest.toString()));
        assertEquals(2, run());
        assertEquals(2, run("frobnicate"));
    }
}
