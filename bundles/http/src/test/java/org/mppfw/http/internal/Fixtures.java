package org.mppfw.http.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.transport.Credentials;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;

/** Shared test set-up: the phone's identity, settings and small helpers. */
final class Fixtures {

    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-http-timer");
        t.setDaemon(true);
        return t;
    });

    static final String UA = "Cisco-CP-8845-3PCC/12-0-1MPP0001-1 (0011223344aa)";

    private Fixtures() {
    }

    static DeviceIdentity identity() {
        return new DeviceIdentity() {
            @Override public String model() { return "CP-8845-3PCC"; }
            @Override public String productSeries() { return "8845-3PCC"; }
            @Override public String mac() { return "0011223344aa"; }
            @Override public String serialNumber() { return "FCH12345678"; }
            @Override public String hardwareVersion() { return "4"; }
            @Override public String firmwareVersion() { return "sip8845.12-0-1MPP0001-1"; }
        };
    }

    static TlsMaterial trust(Pki pki, boolean clientCert) throws IOException, CertificateException {
        return new TlsMaterial(TlsMaterial.parseCaCertificates(Files.readAllBytes(pki.ca)), false,
                clientCert ? pki.clientP12 : null, Pki.CLIENT_PASSWORD.toCharArray());
    }

    static TlsMaterial builtInOnly() {
        return new TlsMaterial(List.of(), true, null, null);
    }

    static HttpSettings settings(TlsMaterial tls, HttpSettings.ProxySettings proxy, Credentials account) {
        return new HttpSettings(UA, proxy, account, tls, "", Duration.ofSeconds(10));
    }

    static HttpExchanger exchanger(HttpSettings s) {
        return new HttpExchanger(() -> s, TIMER);
    }

    static Credentials creds(String user, String password) {
        return new Credentials(user, password.toCharArray());
    }

    static String get(HttpExchanger x, String url) throws IOException {
        return body(x.exchange(TransportRequest.get(URI.create(url))));
    }

    static String body(TransportResponse r) throws IOException {
        try (r; InputStream in = r.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static TransportException failure(HttpExchanger x, TransportRequest r) {
        return assertThrows(TransportException.class, () -> body(x.exchange(r)));
    }

    static TransportException failure(HttpExchanger x, String url) {
        return failure(x, TransportRequest.get(URI.create(url)));
    }
}
