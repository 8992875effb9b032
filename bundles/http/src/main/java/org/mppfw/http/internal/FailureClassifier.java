package org.mppfw.http.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.apache.hc.client5.http.HttpHostConnectException;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;

/**
 * Turns what went wrong in an exchange without an HTTP answer into a class C failure whose
 * message says it in the phone's words: the deadline, the retries of authentication, DNS, TLS
 * (an untrusted CA, a certificate that does not name the host or the DNS SRV domain), a refused
 * connection (to the proxy when one is set), a timeout, a proxy that refuses the tunnel (with its
 * status), any other I/O error. Control characters of exception messages are blanked.
 */
final class FailureClassifier {

    private static final Pattern STATUS_IN_TEXT = Pattern.compile("\\b([1-5]\\d\\d)\\b");

    private FailureClassifier() {
    }

    /**
     * @param target  the URI asked when it happened (after redirects)
     * @param request the request as the caller made it (its first URI and DNS SRV name)
     */
    static TransportException classify(Throwable e, URI target, Deadline deadline, HttpSettings s, TransportRequest request) {
        String where = HttpExchanger.display(target);
        if (deadline.expired()) {
            return fail(0, "deadline of " + deadline.limit().toSeconds() + " s passed for " + where, null);
        }
        if (e instanceof TransportException) {
            return (TransportException) e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpClients.AuthRetriesExhausted) {
                return authRetriesExhausted(((HttpClients.AuthRetriesExhausted) t).status, target);
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
            return fail(status, "proxy " + s.proxy() + " refused the tunnel to " + hostPort(target)
                    + " (" + safe(e.getMessage()) + ")", e);
        } else if (e instanceof InterruptedIOException) {
            what = "interrupted: " + where;
        } else if (e instanceof IOException) {
            what = "I/O error with " + where + ": " + e.getClass().getSimpleName() + " " + safe(e.getMessage());
        } else {
            what = "error with " + where + ": " + e.getClass().getSimpleName() + " " + safe(e.getMessage());
        }
        return fail(0, what, e);
    }

    /** A third 401 or 407 in one request. */
    static TransportException authRetriesExhausted(int status, URI target) {
        return fail(status, "HTTP " + status + " from " + HttpExchanger.display(target) + ": authentication failed after "
                + StatusPolicy.MAX_AUTH_RETRIES + " retries", null);
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

    private static TransportException fail(int status, String message, Throwable cause) {
        return new TransportException(ResultClass.C, status, message, cause);
    }
}
