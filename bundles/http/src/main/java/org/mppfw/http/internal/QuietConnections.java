package org.mppfw.http.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriterFactory;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections that never hand header values or wire bytes to HttpClient's own header and wire
 * loggers: whatever level those are set to, an {@code Authorization} header cannot be logged.
 * Our own debug log shows headers with credentials masked.
 */
final class QuietConnections implements HttpConnectionFactory<ManagedHttpClientConnection> {

    private static final Logger LOG = LoggerFactory.getLogger("org.mppfw.http.headers");
    private static final AtomicLong COUNTER = new AtomicLong();

    /** Header limits against a server that sends endless or huge headers. */
    static final int MAX_HEADERS = 100;
    static final int MAX_LINE = 8192;

    private final Http1Config http1 = Http1Config.custom().setMaxHeaderCount(MAX_HEADERS).setMaxLineLength(MAX_LINE)
            .setMaxEmptyLineCount(10).build();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        Quiet c = new Quiet("mppfw-http-" + COUNTER.getAndIncrement(), http1);
        if (socket != null) {
            c.bind(socket);
        }
        return c;
    }

    @Override
    public ManagedHttpClientConnection createConnection(SSLSocket sslSocket, Socket socket) throws IOException {
        Quiet c = new Quiet("mppfw-http-" + COUNTER.getAndIncrement(), http1);
        if (sslSocket != null) {
            c.bind(sslSocket, socket);
        }
        return c;
    }

    /** Whether a header's value is a secret (credentials, cookies). */
    static boolean isSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("authorization") || n.equals("proxy-authorization") || n.equals("cookie")
                || n.equals("set-cookie");
    }

    /** A header line for display: {@code Name: value}, or {@code Name: ***} for a secret. */
    static String display(String name, String value) {
        if (!isSecret(name)) {
            return name + ": " + value;
        }
        int sp = value.indexOf(' ');
        // keep the scheme name (Basic, Digest) for diagnosis, never the credentials
        return name + ": " + (sp > 0 && !name.toLowerCase(Locale.ROOT).contains("cookie") ? value.substring(0, sp) + " " : "") + "***";
    }

    private static final class Quiet extends DefaultManagedHttpClientConnection {

        private final String id;

        Quiet(String id, Http1Config http1) {
            super(id, null, null, http1, null, null, null,
                    DefaultHttpRequestWriterFactory.INSTANCE, new DefaultHttpResponseParserFactory(http1));
            this.id = id;
        }

        @Override
        public void bind(Socket socket) throws IOException {
            super.bind(new SocketHolder(socket));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            super.bind(new SocketHolder(sslSocket, socket));
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            if (request != null && LOG.isDebugEnabled()) {
                LOG.debug("{} >> {} {}", id, request.getMethod(), request.getRequestUri());
                for (Header h : request.getHeaders()) {
                    LOG.debug("{} >> {}", id, display(h.getName(), h.getValue()));
                }
            }
        }

        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
            if (response != null && LOG.isDebugEnabled()) {
                LOG.debug("{} << {} {}", id, response.getCode(), response.getReasonPhrase());
                for (Header h : response.getHeaders()) {
                    LOG.debug("{} << {}", id, display(h.getName(), h.getValue()));
                }
            }
        }
    }
}
