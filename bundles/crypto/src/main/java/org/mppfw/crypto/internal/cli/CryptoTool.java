package org.mppfw.crypto.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mppfw.crypto.internal.sign.Ed25519Pem;

/**
 * {@code java -cp mppfw-crypto.jar:mppfw-api.jar:bcprov-jdk18on.jar org.mppfw.crypto.internal.cli.CryptoTool}
 * with one of:
 * <pre>
 *   keygen  --private PRIV.pem --public PUB.pem   new Ed25519 key pair (private file mode 600)
 *   pubkey  --key PRIV.pem                        print the public key PEM of a private key
 *   sign    --key PRIV.pem [--out SIG] FILE       write FILE.sig (64 raw bytes)
 *   verify  --pub PUB.pem [--sig SIG] FILE        exit 0 when the signature matches
 * </pre>
 * Exit status: 0 done, 1 failed (one line on stderr), 2 usage.
 */
public final class CryptoTool {

    private CryptoTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usage(err);
        }
        Map<String, String> opts = new HashMap<>();
        String file = null;
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (a.startsWith("--")) {
                if (i + 1 >= rest.size()) {
                    return usage(err);
                }
                opts.put(a.substring(2), rest.get(++i));
            } else if (file == null) {
                file = a;
            } else {
                return usage(err);
            }
        }
        try {
            switch (args[0]) {
                case "keygen": {
                    String priv = opts.get("private");
                    String pub = opts.get("public");
                    if (priv == null || pub == null) {
                        return usage(err);
                    }
                    String[] pems = Ed25519Pem.generate(new SecureRandom());
                    Path privPath = Path.of(priv);
                    Files.deleteIfExists(privPath);
                    try {
                        Files.createFile(privPath, PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
                    } catch (UnsupportedOperationException e) {
                        Files.createFile(privPath);
                    }
                    Files.writeString(privPath, pems[0], StandardCharsets.US_ASCII);
                    Files.writeString(Path.of(pub), pems[1], StandardCharsets.US_ASCII);
                    out.println("Ed25519 key " + Ed25519Pem.fingerprint(Ed25519Pem.readPublic(
                            pems[1].getBytes(StandardCharsets.US_ASCII))) + ": " + priv + ", " + pub);
                    return 0;
                }
                case "pubkey": {
                    String key = opts.get("key");
                    if (key == null) {
                        return usage(err);
                    }
                    out.print(Ed25519Pem.publicPem(Ed25519Pem.readPrivate(Files.readAllBytes(Path.of(key)))));
                    return 0;
                }
                case "sign": {
                    String key = opts.get("key");
                    if (key == null || file == null) {
                        return usage(err);
                    }
                    byte[] pem = Files.readAllBytes(Path.of(key));
                    byte[] sig;
                    try {
                        sig = Ed25519Pem.sign(Files.readAllBytes(Path.of(file)), Ed25519Pem.readPrivate(pem));
                    } finally {
                        Arrays.fill(pem, (byte) 0);
                    }
                    Path target = Path.of(opts.getOrDefault("out", file + ".sig"));
                    Files.write(target, sig);
                    out.println("signed " + file + " -> " + target);
                    return 0;
                }
                case "verify": {
                    String pub = opts.get("pub");
                    if (pub == null || file == null) {
                        return usage(err);
                    }
                    var key = Ed25519Pem.readPublic(Files.readAllBytes(Path.of(pub)));
                    Ed25519Pem.verify(Files.readAllBytes(Path.of(file)),
                            Files.readAllBytes(Path.of(opts.getOrDefault("sig", file + ".sig"))), key);
                    out.println("OK: " + file + " is signed by Ed25519 key " + Ed25519Pem.fingerprint(key));
                    return 0;
                }
                default:
                    return usage(err);
            }
        } catch (IOException | GeneralSecurityException e) {
            String m = e instanceof java.nio.file.NoSuchFileException n ? "no such file: " + n.getFile()
                    : e.getMessage();
            err.println(args[0] + ": " + m);
            return 1;
        }
    }

    private static int usage(PrintStream err) {
        err.println("usage: CryptoTool keygen --private PRIV.pem --public PUB.pem");
        err.println("       CryptoTool pubkey --key PRIV.pem");
        err.println("       CryptoTool sign --key PRIV.pem [--out SIG] FILE");
        err.println("       CryptoTool verify --pub PUB.pem [--sig SIG] FILE");
        return 2;
    }
}
