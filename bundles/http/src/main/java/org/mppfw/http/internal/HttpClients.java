package org.mppfw.http.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSocketFactory;

import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.mppfw.api.transport.TransportRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the HttpClient of one exchange from the settings of that moment: connection and read
 * timeouts, TLS (the trust store, host-name checks or the DNS SRV name, {@code TLS_Cipher_List}),
 * the proxy, the User-Agent, Digest before Basic, no redirects, retries, cookies, compression nor
 * cached credentials (they go only in reply to a challenge). Its interceptors record the request
 * headers sent (secrets masked) and count the 401/407 challenges of an exchange, failing it with
 * {@link AuthRetriesExhausted} past {@link StatusPolicy#MAX_AUTH_RETRIES}.
 */
final class HttpClients {

    private static final Logger LOG = LoggerFactory.getLogger(HttpClients.class);
    private static final String AUTH_COUNT = "mppfw.auth.challenges";
    private static final String SENT = "mppfw.sent.headers";

    private HttpClients() {
    }

    /** A client for one exchange; {@code read} is the socket and response timeout. */
    static CloseableHttpClient create(HttpSettings s, TransportRequest request, Duration read, CredentialsProvider creds)
            throws GeneralSecurityException, IOException {
        PoolingHttpClientConnectionManagerBuilder cm = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(new QuietConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(request.connectTimeout()))
                        .setSocketTimeout(Timeout.of(read)).build());
        // a redirect may lead from http to https: TLS is always ready
        cm.setTlsSocketStrategy(tls(s, request).buildClassic());
        PoolingHttpClientConnectionManager manager = cm.build();
        RequestConfig rc = RequestConfig.custom()
                .setAuthenticationEnabled(true)
                .setRedirectsEnabled(false)
                .setExpectContinueEnabled(false)
                .setResponseTimeout(Timeout.of(read))
                .setTargetPreferredAuthSchemes(List.of(StandardAuthScheme.DIGEST, StandardAuthScheme.BASIC))
                .setProxyPreferredAuthSchemes(List.of(StandardAuthScheme.DIGEST, StandardAuthScheme.BASIC))
                .build();
        HttpClientBuilder b = HttpClientBuilder.create()
                .setConnectionManager(manager)
                .setDefaultRequestConfig(rc)
                .setDefaultCredentialsProvider(creds)
                .setUserAgent(s.userAgent())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching() // credentials only in reply to a challenge, never up front
                .disableContentCompression()
                .addRequestInterceptorLast((req, entity, ctx) -> {
                    List<String> lines = new ArrayList<>();
                    lines.add(req.getMethod() + " " + req.getRequestUri());
                    for (Header h : req.getHeaders()) {
                        lines.add(QuietConnections.display(h.getName(), h.getValue()));
                    }
                    ctx.setAttribute(SENT, lines);
                })
                .addResponseInterceptorLast((resp, entity, ctx) -> {
                    int code = resp.getCode();
                    if (code == 401 || code == 407) {
                        AtomicInteger n = (AtomicInteger) ctx.getAttribute(AUTH_COUNT);
                        if (n != null && n.incrementAndGet() > StatusPolicy.MAX_AUTH_RETRIES) {
                            throw new AuthRetriesExhausted(code);
                        }
                    }
                });
        if (s.proxy() != null) {
            b.setProxy(new HttpHost("http", s.proxy().host(), s.proxy().port()));
        }
        return b.build();
    }

    private static ClientTlsStrategyBuilder tls(HttpSettings s, TransportRequest request)
            throws GeneralSecurityException, IOException {
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create().setSslContext(s.tls().sslContext());
        String tlsName = request.tlsName().orElse(null);
        if (tlsName == null) {
            tls.setHostVerificationPolicy(HostnameVerificationPolicy.BOTH).setHostnameVerifier(new DefaultHostnameVerifier());
        } else {
            // a server found by DNS SRV: its certificate must name the domain looked up, not the target
            String original = request.uri().getHost().toLowerCase(Locale.ROOT);
            DefaultHostnameVerifier names = new DefaultHostnameVerifier();
            tls.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT).setHostnameVerifier(
                    (host, session) -> names.verify(host.toLowerCase(Locale.ROOT).equals(original) ? tlsName : host, session));
        }
        List<String> ciphers = s.cipherList().isBlank() ? List.of() : CipherList.toJdk(s.cipherList(), supportedSuites(s));
        if (!ciphers.isEmpty()) {
            tls.setCiphers(ciphers.toArray(new String[0]));
        } else if (!s.cipherList().isBlank()) {
            LOG.warn("TLS_Cipher_List names no cipher suite this runtime has: using its defaults");
        }
        return tls;
    }

    private static String[] supportedSuites(HttpSettings s) throws GeneralSecurityException, IOException {
        SSLSocketFactory f = s.tls().sslContext().getSocketFactory();
        return f.getSupportedCipherSuites();
    }

    /** A context for one request of an exchange: its challenges are counted from zero. */
    static HttpClientContext context() {
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(AUTH_COUNT, new AtomicInteger());
        return context;
    }

    /** The header lines of the last request sent in {@code context} (secrets masked); empty for none. */
    @SuppressWarnings("unchecked")
    static List<String> sent(HttpClientContext context) {
        Object o = context == null ? null : context.getAttribute(SENT);
        return o == null ? List.of() : List.copyOf((List<String>) o);
    }

    /** Thrown from the response interceptor when a third 401/407 arrives. */
    static final class AuthRetriesExhausted extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        AuthRetriesExhausted(int status) {
            super("authentication retries exhausted");
            this.status = status;
        }
    }
}
