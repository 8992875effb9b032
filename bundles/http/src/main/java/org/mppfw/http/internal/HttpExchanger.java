package org.mppfw.http.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocketFactory;

import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.mppfw.api.transport.Credentials;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP exchange as the phone does it: 301/302 followed at once (at most
 * {@link StatusPolicy#MAX_REDIRECTS}), 401/407 answered with credentials (at most
 * {@link StatusPolicy#MAX_AUTH_RETRIES} retries), every other outcome mapped to class A, B or C.
 * Each exchange gets its own client, closed with the response, so configuration changes take
 * effect at the next exchange and nothing stays open between resyncs.
 */
final class HttpExchanger {

    private static final Logger LOG = LoggerFactory.getLogger(HttpExchanger.class);
    private static final String AUTH_COUNT = "mppfw.auth.challenges";
    private static final String SENT = "mppfw.sent.headers";
    private static final Pattern STATUS_IN_TEXT = Pattern.compile("\\b([1-5]\\d\\d)\\b");

    private final Supplier<HttpSettings> settings;
    private final ScheduledExecutorService timer;

    HttpExchanger(Supplier<HttpSettings> settings, ScheduledExecutorService timer) {
        this.settings = settings;
        this.timer = timer;
    }

    /** A class A response, or a class B/C exception. */
    TransportResponse exchange(TransportRequest request) throws TransportException {
        Outcome o = attempt(request);
        if (o.failure() != null) {
            throw o.failure();
        }
        return o.response();
    }

    /**
     * The outcome of an exchange with what the shell shows: the last status, the response headers
     * and the request headers sent (secrets masked).
     *
     * @param response    the class A response, or null
     * @param failure     the class B/C failure, or null
     * @param status      the last HTTP status, or 0
     * @param headers     the last response's headers
     * @param sentHeaders the last request's header lines, secrets masked
     * @param uri         the last URI asked
     */
    record Outcome(StreamedResponse response, TransportException failure, int status,
            Map<String, List<String>> headers, List<String> sentHeaders, URI uri) {
    }

    Outcome attempt(TransportRequest request) {
        URI uri = request.uri();
        HttpSettings s = settings.get();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
            return failed(new TransportException(ResultClass.C, 0, "bad URL: " + display(uri), null), uri);
        }
        Credentials targetCreds = request.credentials().orElse(null);
        URI target = withoutUserInfo(uri);
        if (targetCreds == null && uri.getRawUserInfo() != null) {
            targetCreds = fromUserInfo(uri.getUserInfo());
        }
        if (targetCreds == null) {
            targetCreds = s.account();
        }
        Deadline deadline = new Deadline(timer, request.deadline());
        List<char[]> secrets = new ArrayList<>();
        CloseableHttpClient client = null;
        ClassicHttpResponse response = null;
        HttpUriRequestBase http = null;
        HttpClientContext context = null;
        String originalHost = target.getHost().toLowerCase(Locale.ROOT);
        try {
            BasicCredentialsProvider creds = new BasicCredentialsProvider();
            if (s.proxy() != null && s.proxy().credentials() != null) {
                creds.setCredentials(new AuthScope(s.proxy().host(), s.proxy().port()), upc(s.proxy().credentials(), secrets));
            }
            Duration read = min(s.readTimeout(), request.deadline());
            client = client(s, request, read, creds);
            for (int hop = 0;; hop++) {
                HttpHost host = HttpHost.create(target);
                if (targetCreds != null && target.getHost().toLowerCase(Locale.ROOT).equals(originalHost)) {
                    // credentials go only to the host the rule names, never to a host a redirect picked
                    creds.setCredentials(new AuthScope(host), upc(targetCreds, secrets));
                }
                http = new HttpUriRequestBase(request.method(), target);
                request.headers().forEach(http::setHeader);
                if (request.resumeFrom() > 0) {
                    http.setHeader("Range", "bytes=" + request.resumeFrom() + "-");
                }
                byte[] body = request.body();
                if (body != null) {
                    ContentType ct = request.contentType() == null ? ContentType.APPLICATION_OCTET_STREAM
                            : ContentType.parse(request.contentType());
                    http.setEntity(new ByteArrayEntity(body, ct));
                }
                context = HttpClientContext.create();
                context.setAttribute(AUTH_COUNT, new AtomicInteger());
                deadline.watch(http);
                response = client.executeOpen(null, http, context);
                int status = response.getCode();
                Map<String, List<String>> headers = headers(response);
                LOG.debug("{} {} -> {}", request.method(), display(target), status);
                switch (StatusPolicy.action(status)) {
                    case SUCCESS:
                        StreamedResponse ok = StreamedResponse.open(request, target, http, response, headers,
                                client, deadline, secrets, sent(context));
                        response = null;
                        client = null; // owned by the response now
                        return new Outcome(ok, null, status, headers, sent(context), target);
                    case REDIRECT:
                        String location = first(headers, "location");
                        discard(http, response);
                        response = null;
                        if (location == null) {
                            return failed(fail(ResultClass.C, status, "HTTP " + status + " without Location from "
                                    + display(target), null), status, headers, context, target);
                        }
                        if (hop + 1 > StatusPolicy.MAX_REDIRECTS) {
                            return failed(fail(ResultClass.C, status, "more than " + StatusPolicy.MAX_REDIRECTS
                                    + " redirects, last " + display(target), null), status, headers, context, target);
                        }
                        URI next = resolve(target, location);
                        if (next == null) {
                            return failed(fail(ResultClass.C, status, "bad Location in HTTP " + status + " from "
                                    + display(target), null), status, headers, context, target);
                        }
                        LOG.info("HTTP {} from {}: retrying at {}", status, display(target), display(next));
                        target = next;
                        continue;
                    case AUTHENTICATE:
                        discard(http, response);
                        response = null;
                        return failed(fail(ResultClass.C, status, "HTTP " + status + " from " + display(target)
                                + (status == 407 ? ": proxy" : ":") + " authentication "
                                + (hasCreds(status, targetCreds, s) ? "failed" : "required, no credentials"), null),
                                status, headers, context, target);
                    default:
                        ResultClass rc = StatusPolicy.resultClass(status);
                        Optional<Duration> retry = HeaderValues.retryAfter(first(headers, "retry-after"), Instant.now());
                        String reason = response.getReasonPhrase();
                        discard(http, response);
                        response = null;
                        return failed(new TransportException(rc, status, "HTTP " + status
                                + (reason == null || reason.isEmpty() ? "" : " " + reason) + " from " + display(target),
                                null, retry.orElse(null)), status, headers, context, target);
                }
            }
        } catch (AuthRetriesExhausted e) {
            return failed(fail(ResultClass.C, e.status, "HTTP " + e.status + " from " + display(target)
                    + ": authentication failed after " + StatusPolicy.MAX_AUTH_RETRIES + " retries", null),
                    e.status, Map.of(), context, target);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return failed(mapFailure(e, target, deadline, s, request), 0, Map.of(), context, target);
        } finally {
            if (response != null) {
                discard(http, response);
            }
            if (client != null) {
                client.close(CloseMode.IMMEDIATE);
                deadline.close();
                wipe(secrets);
            }
        }
    }

    /** Drops a response without reading its body (which may be endless). */
    private static void discard(HttpUriRequestBase http, ClassicHttpResponse response) {
        if (http != null) {
            http.cancel();
        }
        try {
            response.close();
        } catch (IOException | RuntimeException e) {
            LOG.trace("closing an aborted response", e);
        }
    }

    private static boolean hasCreds(int status, Credentials target, HttpSettings s) {
        return status == 407 ? s.proxy() != null && s.proxy().credentials() != null : target != null;
    }

    private CloseableHttpClient client(HttpSettings s, TransportRequest request, Duration read,
            BasicCredentialsProvider creds) throws GeneralSecurityException, IOException {
        PoolingHttpClientConnectionManagerBuilder cm = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(new QuietConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(request.connectTimeout()))
                        .setSocketTimeout(Timeout.of(read)).build());
        {
            // a redirect may lead from http to https: TLS is always ready
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
            cm.setTlsSocketStrategy(tls.buildClassic());
        }
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

    private static String[] supportedSuites(HttpSettings s) throws GeneralSecurityException, IOException {
        SSLSocketFactory f = s.tls().sslContext().getSocketFactory();
        return f.getSupportedCipherSuites();
    }

    private TransportException mapFailure(Throwable e, URI target, Deadline deadline, HttpSettings s,
            TransportRequest request) {
        String where = display(target);
        if (deadline.expired()) {
            return fail(ResultClass.C, 0, "deadline of " + deadline.limit().toSeconds() + " s passed for " + where, null);
        }
        if (e instanceof TransportException) {
            return (TransportException) e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthRetriesExhausted) {
                int st = ((AuthRetriesExhausted) t).status;
                return fail(ResultClass.C, st, "HTTP " + st + " from " + where + ": authentication failed after "
                        + StatusPolicy.MAX_AUTH_RETRIES + " retries", null);
            }
        }
        Throwable c = e;
        while (c.getCause() != null && !(c instanceof SSLException) && !(c instanceof UnknownHostException)) {
            c = c.getCause();
        }
        String what;
        if (e instanceof UnknownHostException || c instanceof UnknownHostException) {
            what = "DNS lookup failed for " + target.getHost();
        } else if (e instanceof SSLPeerUnverifiedException || c instanceof SSLPeerUnverifiedException) {
            String name = request.tlsName().filter(n -> target.getHost().equalsIgnoreCase(request.uri().getHost()))
                    .map(n -> n + " (the domain looked up by DNS SRV)").orElse("that host");
            what = "TLS: the certificate of " + target.getHost() + " does not name " + name + " ("
                    + safe(c.getMessage()) + ")";
        } else if (e instanceof SSLHandshakeException || c instanceof SSLHandshakeException) {
            what = "TLS handshake with " + target.getHost() + " failed: " + tlsReason(c);
        } else if (e instanceof SSLException || c instanceof SSLException) {
            what = "TLS error with " + target.getHost() + ": " + safe(c.getMessage());
        } else if (e instanceof HttpHostConnectException || e instanceof ConnectException
                || e instanceof NoRouteToHostException) {
            what = "cannot connect to " + (s.proxy() != null ? "proxy " + s.proxy() : hostPort(target)) + ": "
                    + safe(e.getMessage());
        } else if (e instanceof SocketTimeoutException || c instanceof SocketTimeoutException) {
            what = "timed out waiting for " + where;
        } else if (e.getClass().getSimpleName().equals("TunnelRefusedException")) {
            Matcher m = STATUS_IN_TEXT.matcher(safe(e.getMessage()));
            int status = m.find() ? Integer.parseInt(m.group(1)) : 0;
            return fail(ResultClass.C, status, "proxy " + s.proxy() + " refused the tunnel to " + hostPort(target)
                    + " (" + safe(e.getMessage()) + ")", e);
        } else if (e instanceof InterruptedIOException) {
            what = "interrupted: " + where;
        } else if (e instanceof IOException) {
            what = "I/O error with " + where + ": " + e.getClass().getSimpleName() + " " + safe(e.getMessage());
        } else {
            what = "error with " + where + ": " + e.getClass().getSimpleName() + " " + safe(e.getMessage());
        }
        return fail(ResultClass.C, 0, what, e);
    }

    private static String tlsReason(Throwable c) {
        String m = safe(c.getMessage());
        if (m.contains("PKIX path building failed") || m.contains("unable to find valid certification path")) {
            return "the server certificate is not signed by a trusted CA";
        }
        if (m.contains("No subject alternative") || m.contains("doesn't match")) {
            return "the certificate does not name the host (" + m + ")";
        }
        return m;
    }

    private static String safe(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}]", " ");
    }

    private static String hostPort(URI u) {
        int port = u.getPort() > 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
        return u.getHost() + ":" + port;
    }

    private Outcome failed(TransportException e, URI uri) {
        return new Outcome(null, e, e.status(), Map.of(), List.of(), uri);
    }

    private Outcome failed(TransportException e, int status, Map<String, List<String>> headers,
            HttpClientContext context, URI uri) {
        LOG.info("{} ({})", e.getMessage(), e.resultClass());
        return new Outcome(null, e, status, headers, sent(context), uri);
    }

    @SuppressWarnings("unchecked")
    private static List<String> sent(HttpClientContext context) {
        Object o = context == null ? null : context.getAttribute(SENT);
        return o == null ? List.of() : List.copyOf((List<String>) o);
    }

    private static TransportException fail(ResultClass rc, int status, String message, Throwable cause) {
        return new TransportException(rc, status, message, cause);
    }

    static Map<String, List<String>> headers(ClassicHttpResponse response) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            out.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(out);
    }

    static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Resolves a Location against the URI that sent it; null if it is not an http(s) URL. */
    static URI resolve(URI base, String location) {
        try {
            URI next = base.resolve(new URI(location.trim()));
            String sc = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (!(sc.equals("http") || sc.equals("https")) || next.getHost() == null) {
                return null;
            }
            return withoutUserInfo(next);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A URI for logs and messages: without user info (which may hold a password). */
    static String display(URI uri) {
        return withoutUserInfo(uri).toString();
    }

    static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment());
        } catch (URISyntaxException e) {
            return URI.create(uri.getScheme() + "://" + uri.getHost());
        }
    }

    private static Credentials fromUserInfo(String userInfo) {
        int colon = userInfo.indexOf(':');
        return colon < 0 ? new Credentials(userInfo, new char[0])
                : new Credentials(userInfo.substring(0, colon), userInfo.substring(colon + 1).toCharArray());
    }

    private static UsernamePasswordCredentials upc(Credentials c, List<char[]> secrets) {
        char[] pw = c.password();
        secrets.add(pw);
        return new UsernamePasswordCredentials(c.user(), pw);
    }

    static void wipe(List<char[]> secrets) {
        for (char[] s : secrets) {
            java.util.Arrays.fill(s, '\0');
        }
        secrets.clear();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
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
