package org.mppfw.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.mppfw.api.transport.ProgressListener;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;

/**
 * A class A response with its body streamed from the connection. The body stops with a class C
 * exception past the request's byte limit or its deadline. When a resume was asked and the server
 * ignored the Range (200 instead of 206), the bytes before the resume point are skipped, so the
 * body always starts where the caller asked.
 */
final class StreamedResponse implements TransportResponse {

    private final URI uri;
    private final int status;
    private final Map<String, List<String>> headers;
    private final long contentLength;
    private final List<String> sentHeaders;
    private final Body body;
    private final HttpUriRequestBase request;
    private final ClassicHttpResponse response;
    private final CloseableHttpClient client;
    private final Deadline deadline;
    private final List<char[]> secrets;
    private boolean closed;

    private StreamedResponse(URI uri, int status, Map<String, List<String>> headers, long contentLength,
            List<String> sentHeaders, Body body, HttpUriRequestBase request, ClassicHttpResponse response,
            CloseableHttpClient client, Deadline deadline, List<char[]> secrets) {
        this.uri = uri;
        this.status = status;
        this.headers = headers;
        this.contentLength = contentLength;
        this.sentHeaders = sentHeaders;
        this.body = body;
        this.request = request;
        this.response = response;
        this.client = client;
        this.deadline = deadline;
        this.secrets = secrets;
    }

    static StreamedResponse open(TransportRequest req, URI uri, HttpUriRequestBase request,
            ClassicHttpResponse response, Map<String, List<String>> headers, CloseableHttpClient client,
            Deadline deadline, List<char[]> secrets, List<String> sentHeaders) throws IOException {
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        long length = entity == null ? 0 : entity.getContentLength();
        long skip = 0;
        long total = length;
        if (req.resumeFrom() > 0) {
            if (status == 206) {
                Optional<HeaderValues.ContentRange> range = HeaderValues.contentRange(HttpExchanger.first(headers, "content-range"));
                if (range.isEmpty() || range.get().first() != req.resumeFrom()) {
                    throw new TransportException(ResultClass.C, status, "HTTP 206 from " + HttpExchanger.display(uri)
                            + " does not start at byte " + req.resumeFrom(), null);
                }
                total = range.get().total();
            } else {
                skip = req.resumeFrom(); // the server sent the whole file
                if (length >= 0) {
                    if (length < skip) {
                        throw new TransportException(ResultClass.C, status, "file at " + HttpExchanger.display(uri)
                                + " is shorter than the resume point", null);
                    }
                    length -= skip;
                }
            }
        }
        if (length > req.maxBytes()) {
            throw new TransportException(ResultClass.C, status, "body of " + HttpExchanger.display(uri) + " is "
                    + length + " bytes, more than the limit of " + req.maxBytes(), null);
        }
        InputStream in = entity == null ? InputStream.nullInputStream() : entity.getContent();
        long base = req.resumeFrom();
        long progressTotal = status == 206 ? total : length >= 0 ? base + length : -1;
        Body body = new Body(in, req.maxBytes(), skip, req.progress(), base, progressTotal,
                deadline, request, HttpExchanger.display(uri));
        return new StreamedResponse(uri, status, headers, length, sentHeaders, body, request, response, client,
                deadline, secrets);
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public long contentLength() {
        return contentLength;
    }

    /** The request header lines sent last, credentials masked (for the shell). */
    List<String> sentHeaders() {
        return sentHeaders;
    }

    @Override
    public InputStream body() throws IOException {
        if (closed) {
            throw new IOException("response closed");
        }
        return body;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!body.eof) {
                request.cancel(); // never drain an unread body: it may be endless
            }
            response.close();
        } catch (IOException | RuntimeException e) {
            // the connection is gone either way
        } finally {
            client.close(CloseMode.IMMEDIATE);
            deadline.close();
            HttpExchanger.wipe(secrets);
        }
    }

    /** The body: counts, limits, skips, reports progress, and names the deadline when it aborts. */
    private static final class Body extends InputStream {
        private final InputStream in;
        private final long max;
        private long skip;
        private final ProgressListener progress;
        private final long base;
        private final long total;
        private final Deadline deadline;
        private final HttpUriRequestBase request;
        private final String where;
        private long count;
        volatile boolean eof;

        Body(InputStream in, long max, long skip, ProgressListener progress, long base, long total,
                Deadline deadline, HttpUriRequestBase request, String where) {
            this.in = in;
            this.max = max;
            this.skip = skip;
            this.progress = progress;
            this.base = base;
            this.total = total;
            this.deadline = deadline;
            this.request = request;
            this.where = where;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            try {
                while (skip > 0) {
                    long s = in.skip(skip);
                    if (s <= 0) {
                        if (in.read() < 0) {
                            throw new TransportException(ResultClass.C, 0, "body of " + where
                                    + " ended before the resume point", null);
                        }
                        s = 1;
                    }
                    skip -= s;
                }
                int n = in.read(b, off, (int) Math.min(len, Math.max(1, max - count + 1)));
                if (n < 0) {
                    eof = true;
                    return -1;
                }
                count += n;
                if (count > max) {
                    request.cancel();
                    throw new TransportException(ResultClass.C, 0, "body of " + where + " is larger than the limit of "
                            + max + " bytes", null);
                }
                progress.progress(base + count, total);
                return n;
            } catch (TransportException e) {
                throw e;
            } catch (IOException e) {
                if (deadline.expired()) {
                    throw new TransportException(ResultClass.C, 0, "deadline of " + deadline.limit().toSeconds()
                            + " s passed while reading " + where, e);
                }
                throw new TransportException(ResultClass.C, 0, "reading " + where + " failed: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
            }
        }

        @Override
        public void close() {
            // closing the response closes the stream
        }
    }
}
