package org.mppfw.lab.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.mppfw.lab.Content;
import org.mppfw.lab.RequestLog;

/** Serves {@link Content} over HTTP or HTTPS and logs one line per request. */
public final class HttpFront implements HttpHandler {

    private final Content content;
    private final Content.Transport transport;
    private final RequestLog log;

    public HttpFront(Content content, Content.Transport transport, RequestLog log) {
        this.content = content;
        this.transport = transport;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        URI uri = ex.getRequestURI();
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (uri.getScheme() == null && uri.getRawAuthority() != null) {
            // a request target of "//x/y" parses as an authority: keep it whole, it is refused as absolute
            path = "//" + uri.getRawAuthority() + path;
        }
        String ua = ex.getRequestHeaders().getFirst("User-Agent");
        int status = 0;
        long sent = 0;
        try (ex) {
            boolean head = "HEAD".equals(method);
            if (!head && !"GET".equals(method)) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                status = 405;
                sent = text(ex, status, "405 method not allowed: the lab serves GET and HEAD\n");
                return;
            }
            String name = path.startsWith("/") ? path.substring(1) : path;
            Content.Lookup found = content.lookup(name, transport);
            if (found instanceof Content.Denied d) {
                status = 403;
                sent = text(ex, status, "403 forbidden: " + d.reason() + "\n");
            } else if (found instanceof Content.Found f) {
                status = 200;
                ex.getResponseHeaders().set("Content-Type", f.contentType());
                if (f.contentEncoding() != null) {
                    ex.getResponseHeaders().set("Content-Encoding", f.contentEncoding());
                }
                ex.getResponseHeaders().set("Cache-Control", "no-store");
                if (head) {
                    ex.getResponseHeaders().set("Content-Length", Long.toString(f.length()));
                    ex.sendResponseHeaders(status, -1);
                } else {
                    ex.sendResponseHeaders(status, f.length() == 0 ? -1 : f.length());
                    try (InputStream in = f.open(); OutputStream out = ex.getResponseBody()) {
                        sent = in.transferTo(out);
                    }
                }
            } else {
                status = 404;
                sent = text(ex, status, "404 not found\n");
            }
        } catch (IOException | RuntimeException e) {
            if (status == 0) {
                status = 500;
            }
            log.note(transport.label() + " " + RequestLog.clean(path, 512) + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + RequestLog.clean(e.getMessage(), 512)));
        } finally {
            log.request(ex.getRemoteAddress(), transport, method, path, Integer.toString(status), sent, ua);
        }
    }

    private static long text(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(status, -1);
            return 0;
        }
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
        return b.length;
    }
}
