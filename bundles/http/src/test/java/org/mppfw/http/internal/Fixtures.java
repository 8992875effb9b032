package org.mppfw.http.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.mppfw.api.config.Access;
import org.mppfw.api.config.Parameter;
import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.config.ParameterType;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.device.DeviceProperties;
import org.mppfw.api.transport.Credentials;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.mppfw.testing.FakeIdentity;
import org.osgi.framework.BundleContext;

/** Shared test set-up: the phone's identity, settings and small helpers. */
final class Fixtures {

    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-http-timer");
        t.setDaemon(true);
        return t;
    });

    static final String UA = "Cisco-CP-8845-3PCC/12.0.1 (0011223344aa)";

    private Fixtures() {
    }

    static DeviceIdentity identity() {
        return FakeIdentity.cp8845("0011223344aa", "FCH12345678", "4");
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

    /** The phone trusting {@code pki}'s CA, through the proxy on 127.0.0.1:{@code proxyPort} (user null: no account). */
    static HttpExchanger proxied(Pki pki, int proxyPort, String user, String password) throws IOException, CertificateException {
        return exchanger(settings(trust(pki, false), new HttpSettings.ProxySettings("127.0.0.1", proxyPort,
                user == null ? null : creds(user, password)), null));
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

    /**
     * The transport as the component runtime builds it: default configuration, no framework
     * properties, the phone's {@link #identity()}, and a parameter store holding just these
     * values; so the settings come from the phone's parameters ({@code Proxy_Host}, ...). Call
     * {@code deactivate()} when done.
     */
    static HttpTransport transport(Map<String, String> values) throws ReflectiveOperationException {
        return transport(values, null);
    }

    /** {@link #transport(Map)} with its data dir (the custom CA is kept there), or null for none. */
    static HttpTransport transport(Map<String, String> values, Path dataDir) throws ReflectiveOperationException {
        HttpTransportConfig config = (HttpTransportConfig) Proxy.newProxyInstance(Fixtures.class.getClassLoader(),
                new Class<?>[] {HttpTransportConfig.class}, (p, m, a) -> m.getDefaultValue());
        BundleContext context = (BundleContext) Proxy.newProxyInstance(Fixtures.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, a) -> dataDir != null && m.getName().equals("getProperty")
                        && DeviceProperties.DATA_DIR.equals(a[0]) ? dataDir.toString() : null);
        ParameterStore store = (ParameterStore) Proxy.newProxyInstance(Fixtures.class.getClassLoader(),
                new Class<?>[] {ParameterStore.class}, (p, m, a) -> {
                    if (m.getName().equals("parameter")) {
                        String name = (String) a[0];
                        String v = values.get(name);
                        return v == null ? Optional.empty() : Optional.of(new Parameter(new ParameterDefinition(name,
                                ParameterType.STRING, "", Access.RW, name.endsWith("Password"), List.of(), 0, 0, ""),
                                v, Access.RW, false));
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        HttpTransport t = new HttpTransport(config, context);
        Field f = HttpTransport.class.getDeclaredField("parameters");
        f.setAccessible(true);
        f.set(t, store);
        Field id = HttpTransport.class.getDeclaredField("identity");
        id.setAccessible(true);
        id.set(t, identity());
        return t;
    }
}
