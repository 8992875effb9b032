package org.mppfw.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.mppfw.api.crypto.ManifestSignatures;
import org.mppfw.api.profile.DecodeException;
import org.mppfw.api.profile.DecodeOptions;
import org.mppfw.api.profile.ProfileCodec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Shell commands {@code crypto:decrypt}, {@code crypto:sign}, {@code crypto:verify}. Errors are one
 * line on the error stream; no secret is ever printed.
 */
@Component(service = CryptoCommands.class, property = {
    "osgi.command.scope=crypto",
    "osgi.command.function=decrypt",
    "osgi.command.function=sign",
    "osgi.command.function=verify"})
public final class CryptoCommands {

    static final long DEFAULT_MAX = 64L * 1024 * 1024;

    private final ProfileCodec codec;
    private final ManifestSignatures signatures;

    @Activate
    public CryptoCommands(@Reference ProfileCodec codec, @Reference ManifestSignatures signatures) {
        this.codec = codec;
        this.signatures = signatures;
    }

    @Descriptor("decrypt a profile file as the phone would (AES-256-CBC with --key, RFC 8188 with --ikm, "
            + "then gunzip) and print it")
    public void decrypt(CommandSession session,
            @Descriptor("the rule's --key secret (AES-256-CBC, openssl enc -k)")
            @Parameter(names = {"-k", "--key"}, absentValue = "") String key,
            @Descriptor("the IKM_HTTP_Encrypt_Content value (RFC 8188 aes128gcm)")
            @Parameter(names = {"-i", "--ikm"}, absentValue = "") String ikm,
            @Descriptor("largest decoded size in bytes")
            @Parameter(names = {"-m", "--max"}, absentValue = "67108864") long max,
            @Descriptor("the encrypted file") String file) {
        ErrorLines err = new ErrorLines();
        if (!decrypt(resolve(session, file), key.toCharArray(), ikm.toCharArray(), max, System.out, err.stream())) {
            throw err.failure();
        }
    }

    @Descriptor("sign a firmware manifest with an Ed25519 private key (PEM); writes FILE.sig unless told")
    public void sign(CommandSession session,
            @Descriptor("the PKCS#8 PEM private key") @Parameter(names = {"-k", "--key"}, absentValue = "") String key,
            @Descriptor("where to write the signature") @Parameter(names = {"-o", "--out"}, absentValue = "") String out,
            @Descriptor("the manifest") String file) {
        ErrorLines err = new ErrorLines();
        if (!sign(resolve(session, key), resolve(session, file), out.isEmpty() ? null : resolve(session, out),
                System.out, err.stream())) {
            throw err.failure();
        }
    }

    @Descriptor("verify a firmware manifest's Ed25519 signature with a public key (PEM)")
    public void verify(CommandSession session,
            @Descriptor("the PEM public key") @Parameter(names = {"-p", "--pub"}, absentValue = "") String pub,
            @Descriptor("the signature file (default FILE.sig)") @Parameter(names = {"-s", "--sig"}, absentValue = "") String sig,
            @Descriptor("the manifest") String file) {
        ErrorLines err = new ErrorLines();
        if (!verify(resolve(session, pub), resolve(session, file), sig.isEmpty() ? null : resolve(session, sig),
                System.out, err.stream())) {
            throw err.failure();
        }
    }

    /**
     * The error lines of a command, turned into the exception the shell shows as the command's
     * error (and that makes a batch run exit with status 1).
     */
    private static final class ErrorLines {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final PrintStream stream = new PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);

        PrintStream stream() {
            return stream;
        }

        IllegalStateException failure() {
            String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
            return new IllegalStateException(text.isEmpty() ? "failed" : text);
        }
    }

    /** Decrypts {@code file} to {@code out}; returns whether it worked. Wipes the secrets. */
    boolean decrypt(Path file, char[] key, char[] ikm, long max, OutputStream out, PrintStream err) {
        try {
            if (key.length > 0 && ikm.length > 0) {
                err.println("crypto:decrypt: give --key or --ikm, not both");
                return false;
            }
            DecodeOptions options = new DecodeOptions(ikm.length > 0 ? "aes128gcm" : null,
                    key.length > 0 ? key : null, ikm.length > 0 ? ikm : null, max);
            try (InputStream raw = Files.newInputStream(file); InputStream in = codec.decode(raw, options)) {
                in.transferTo(out);
                out.flush();
            }
            return true;
        } catch (DecodeException e) {
            err.println("crypto:decrypt: " + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("crypto:decrypt: no such file: " + file);
        } catch (IOException e) {
            err.println("crypto:decrypt: " + file + ": " + e.getMessage());
        } finally {
            Arrays.fill(key, '\0');
            Arrays.fill(ikm, '\0');
        }
        return false;
    }

    boolean sign(Path key, Path file, Path sig, PrintStream out, PrintStream err) {
        Path target = sig != null ? sig : file.resolveSibling(file.getFileName() + ".sig");
        try {
            byte[] signature = signatures.sign(Files.readAllBytes(file), key);
            Files.write(target, signature);
            out.println("signed " + file + " (" + signatures.algorithm() + ") -> " + target);
            return true;
        } catch (IOException | GeneralSecurityException e) {
            err.println("crypto:sign: " + message(e));
            return false;
        }
    }

    boolean verify(Path pub, Path file, Path sig, PrintStream out, PrintStream err) {
        Path source = sig != null ? sig : file.resolveSibling(file.getFileName() + ".sig");
        try {
            byte[] pem = Files.readAllBytes(pub);
            signatures.verify(Files.readAllBytes(file), Files.readAllBytes(source), pem);
            out.println("OK: " + file + " is signed by " + signatures.algorithm() + " key "
                    + signatures.fingerprint(pem));
            return true;
        } catch (IOException | GeneralSecurityException e) {
            err.println("crypto:verify: " + message(e));
            return false;
        }
    }

    static String message(Exception e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Path resolve(CommandSession session, String name) {
        Path p = Path.of(name);
        if (!p.isAbsolute() && session != null && session.currentDir() != null) {
            return session.currentDir().resolve(p);
        }
        return p;
    }
}
