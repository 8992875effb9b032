package org.mppfw.http.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.mppfw.api.transport.Credentials;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;

/**
 * One HTTP exchange as the phone does it: 301/302 followed at once (at most
 * {@link StatusPolicy#MAX_REDIRECTS}), 401/407 answered with credentials (at most
 * {@link StatusPolicy#MAX_AUTH_RETRIES} retries), every other outcome mapped to class A, B or C.
 * Each exchange gets its own client ({@link HttpClients}), closed with the response, so
 * configuration changes take effect at the next exchange and nothing stays open between resyncs.
 * The hops are {@link HopLoop}'s; failures without an HTTP answer are named by
 * {@link FailureClassifier}.
 */
final class HttpExchanger {

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

    /**
     * Runs an exchange. The target's credentials are the request's, else the URL's user info,
     * else the profile account of the settings.
     */
    Outcome attempt(TransportRequest request) {
        URI uri = request.uri();
        HttpSettings s = settings.get();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
            TransportException e = new TransportException(ResultClass.C, 0, "bad URL: " + display(uri), null);
            return new Outcome(null, e, e.status(), Map.of(), List.of(), uri);
        }
        Credentials targetCreds = request.credentials().orElse(null);
        if (targetCreds == null && uri.getRawUserInfo() != null) {
            targetCreds = fromUserInfo(uri.getUserInfo());
        }
        if (targetCreds == null) {
            targetCreds = s.account();
        }
        return HopLoop.run(s, request, withoutUserInfo(uri), targetCreds, new Deadline(timer, request.deadline()));
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

    static void wipe(List<char[]> secrets) {
        for (char[] s : secrets) {
            java.util.Arrays.fill(s, '\0');
        }
        secrets.clear();
    }
}
