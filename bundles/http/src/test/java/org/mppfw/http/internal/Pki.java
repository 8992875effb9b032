package org.mppfw.http.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mppfw.testing.Scratch;
import org.mppfw.testing.TempDirs;

/** A test PKI made with openssl: a root CA, a server for 127.0.0.1/localhost, one for another host, a client. */
final class Pki {

    static final String CLIENT_PASSWORD = "changeit";

    final Path ca;
    final Path serverCert;
    final Path serverKey;
    final Path otherCert;
    final Path otherKey;
    final Path clientP12;

    private Pki(Path dir) {
        ca = dir.resolve("ca.crt");
        serverCert = dir.resolve("server.crt");
        serverKey = dir.resolve("server.key");
        otherCert = dir.resolve("other.crt");
        otherKey = dir.resolve("other.key");
        clientP12 = dir.resolve("client.p12");
    }

    static Pki create(Scratch peers) throws IOException {
        Path d = peers.mkdirs("pki");
        String p = d.toString() + "/";
        peers.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", p + "ca.key", "-out",
                p + "ca.crt", "-days", "30", "-subj", "/CN=Test Prov Root CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Files.writeString(d.resolve("server.ext"),
                "subjectAltName=DNS:prov.example.com,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        Files.writeString(d.resolve("other.ext"), "subjectAltName=DNS:other.example.com\nextendedKeyUsage=serverAuth\n");
        Files.writeString(d.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        for (String[] leaf : new String[][] {{"server", "/CN=prov.example.com"}, {"other", "/CN=other.example.com"},
            {"client", "/CN=SEP001122334455/serialNumber=FCH12345678"}}) {
            String n = leaf[0];
            peers.run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", p + n + ".key", "-out",
                    p + n + ".csr", "-subj", leaf[1]);
            peers.run("openssl", "x509", "-req", "-in", p + n + ".csr", "-CA", p + "ca.crt", "-CAkey", p + "ca.key",
                    "-CAcreateserial", "-out", p + n + ".crt", "-days", "30", "-extfile", p + n + ".ext");
        }
        peers.run("openssl", "pkcs12", "-export", "-in", p + "client.crt", "-inkey", p + "client.key", "-certfile",
                p + "ca.crt", "-out", p + "client.p12", "-passout", "pass:" + CLIENT_PASSWORD, "-name", "client");
        try (var s = Files.list(d)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                TempDirs.open(f);
            }
        }
        return new Pki(d);
    }
}
