package org.mppfw.tftp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.mppfw.api.transport.TransportResponse;

/** A finished download: its body is read from the spool, which is deleted on close. */
public final class TftpResponse implements TransportResponse {

    private final URI uri;
    private final TransferResult result;
    private final Spool spool;
    private InputStream body;

    TftpResponse(URI uri, TransferResult result, Spool spool) {
        this.uri = uri;
        this.result = result;
        this.spool = spool;
    }

    /** How the transfer went: negotiated options, rate, retransmissions. */
    public TransferResult result() {
        return result;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public int status() {
        return 0;
    }

    @Override
    public Map<String, List<String>> headers() {
        return Map.of();
    }

    @Override
    public long contentLength() {
        return result.bytes();
    }

    @Override
    public synchronized InputStream body() throws IOException {
        if (body == null) {
            body = spool.openInput();
        }
        return body;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (body != null) {
                body.close();
            }
        } finally {
            spool.discard();
        }
    }
}
