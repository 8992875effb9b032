package org.mppfw.tftp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mppfw.api.transport.AccessDomains;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.mppfw.testing.Digests;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.TempDirs;
import org.mppfw.testing.Tftpd;

/** {@code Restricted_Access_Domains} on {@code tftp://}: against tftpd-hpa on 127.0.0.1, known as localhost. */
class RestrictedAccessDomainsTest {

    static Scratch peers;
    static Path root;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        peers = new Scratch("tftp-rad");
        root = TempDirs.openForWriting(TempDirs.create("mppfw-tftp-rad"));
        TempDirs.randomFile(root, "f513.bin", 513, 5);
        port = Ports.udp();
        Tftpd.hpa(peers, null, "127.0.0.1", port, root, peers.mkdirs("logs"));
    }

    @AfterAll
    static void stop() {
        if (peers != null) {
            peers.close();
        }
        TempDirs.delete(root);
    }

    @Test
    void onlyTheServersListedAreContacted() throws Exception {
        TftpTransport transport = new TftpTransport(Configs.defaults(), peers.mkdirs("spool"));
        AccessDomains onlyLocalhost = AccessDomains.parse("localhost");
        try (TransportResponse r = transport.exchange(TransportRequest.builder(URI.create("tftp://localhost:" + port
                + "/f513.bin")).allowedDomains(onlyLocalhost).build()); InputStream in = r.body()) {
            assertEquals(Digests.sha256(root.resolve("f513.bin")), Digests.sha256(in.readAllBytes()));
        }
        // the same server by its address, which it serves without the list: an address is in no domain
        URI byAddress = URI.create("tftp://127.0.0.1:" + port + "/f513.bin");
        try (TransportResponse r = transport.exchange(TransportRequest.get(byAddress))) {
            assertEquals(513, r.contentLength());
        }
        TransportException e = assertThrows(TransportException.class, () -> transport.exchange(TransportRequest
                .builder(byAddress).allowedDomains(onlyLocalhost).build()));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals("host 127.0.0.1 is not in Restricted_Access_Domains (localhost): not contacted", e.getMessage());
    }
}
