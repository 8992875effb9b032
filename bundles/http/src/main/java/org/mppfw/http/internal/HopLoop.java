package org.mppfw.http.internal;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.mppfw.api.transport.Credentials;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.http.internal.HttpExchanger.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hops of one exchange, each a request on the exchange's own client: a 301/302 leads to the
 * next hop at once (at most {@link StatusPolicy#MAX_REDIRECTS}); the client answers 401/407
 * challenges itself, with the target's credentials (sent only to the host the rule names, never
 * to one a redirect picked) and the proxy's; the last answer decides, by the status table of
 * {@link StatusPolicy}. A class A response owns the client from then on; on any other outcome
 * the client is closed and the passwords handed to it are wiped. Each hop's host is checked
 * against the request's {@code Restricted_Access_Domains} before it is contacted.
 */
final class HopLoop {

    private static final Logger LOG = LoggerFactory.getLogger(HopLoop.class);

    private HopLoop() {
    }

    /**
     * @param target      the first URI, without user info
     * @param targetCreds the credentials for the target's challenges, or null
     */
    static Outcome run(HttpSettings s, TransportRequest request, URI target, Credentials targetCreds, Deadline deadline) {
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
            client = HttpClients.create(s, request, read, creds);
            for (int hop = 0;; hop++) {
                Optional<TransportException> refused = request.allowedDomains().refusal(target);
                if (refused.isPresent()) {
                    // Restricted_Access_Domains: the rule's server, a DHCP or SRV server, or a redirect's target
                    LOG.warn("{}{}", hop == 0 ? "" : "redirect refused: ", refused.get().getMessage());
                    return failed(hop == 0 ? refused.get() : new TransportException(ResultClass.C, 0,
                            "redirect to " + HttpExchanger.display(target) + " refused: " + refused.get().getMessage(),
                            null), 0, Map.of(), context, target);
                }
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
                context = HttpClients.context();
                deadline.watch(http);
                response = client.executeOpen(null, http, context);
                int status = response.getCode();
                Map<String, List<String>> headers = HttpExchanger.headers(response);
                LOG.debug("{} {} -> {}", request.method(), HttpExchanger.display(target), status);
                switch (StatusPolicy.action(status)) {
                    case SUCCESS:
                        StreamedResponse ok = StreamedResponse.open(request, target, http, response, headers,
                                client, deadline, secrets, HttpClients.sent(context));
                        response = null;
                        client = null; // owned by the response now
                        return new Outcome(ok, null, status, headers, HttpClients.sent(context), target);
                    case REDIRECT:
                        String location = HttpExchanger.first(headers, "location");
                        discard(http, response);
                        response = null;
                        if (location == null) {
                            return failed(fail(status, "HTTP " + status + " without Location from "
                                    + HttpExchanger.display(target)), status, headers, context, target);
                        }
                        if (hop + 1 > StatusPolicy.MAX_REDIRECTS) {
                            return failed(fail(status, "more than " + StatusPolicy.MAX_REDIRECTS
                                    + " redirects, last " + HttpExchanger.display(target)), status, headers, context, target);
                        }
                        URI next = HttpExchanger.resolve(target, location);
                        if (next == null) {
                            return failed(fail(status, "bad Location in HTTP " + status + " from "
                                    + HttpExchanger.display(target)), status, headers, context, target);
                        }
                        LOG.info("HTTP {} from {}: retrying at {}", status, HttpExchanger.display(target),
                                HttpExchanger.display(next));
                        target = next;
                        continue;
                    case AUTHENTICATE:
                        discard(http, response);
                        response = null;
                        return failed(fail(status, "HTTP " + status + " from " + HttpExchanger.display(target)
                                + (status == 407 ? ": proxy" : ":") + " authentication "
                                + (hasCreds(status, targetCreds, s) ? "failed" : "required, no credentials")),
                                status, headers, context, target);
                    default:
                        ResultClass rc = StatusPolicy.resultClass(status);
                        Optional<Duration> retry = HeaderValues.retryAfter(HttpExchanger.first(headers, "retry-after"),
                                Instant.now());
                        String reason = response.getReasonPhrase();
                        discard(http, response);
                        response = null;
                        return failed(new TransportException(rc, status, "HTTP " + status
                                + (reason == null || reason.isEmpty() ? "" : " " + reason) + " from "
                                + HttpExchanger.display(target), null, retry.orElse(null)), status, headers, context, target);
                }
            }
        } catch (HttpClients.AuthRetriesExhausted e) {
            return failed(FailureClassifier.authRetriesExhausted(e.status, target), e.status, Map.of(), context, target);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return failed(FailureClassifier.classify(e, target, deadline, s, request), 0, Map.of(), context, target);
        } finally {
            if (response != null) {
                discard(http, response);
            }
            if (client != null) {
                client.close(CloseMode.IMMEDIATE);
                deadline.close();
                HttpExchanger.wipe(secrets);
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

    private static Outcome failed(TransportException e, int status, Map<String, List<String>> headers,
            HttpClientContext context, URI uri) {
        LOG.info("{} ({})", e.getMessage(), e.resultClass());
        return new Outcome(null, e, status, headers, HttpClients.sent(context), uri);
    }

    private static TransportException fail(int status, String message) {
        return new TransportException(ResultClass.C, status, message, null);
    }

    private static UsernamePasswordCredentials upc(Credentials c, List<char[]> secrets) {
        char[] pw = c.password();
        secrets.add(pw);
        return new UsernamePasswordCredentials(c.user(), pw);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
