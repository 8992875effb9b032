package org.mppfw.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.mppfw.api.transport.TransportResponse;

/** A class A response (status 200) whose body is in memory, for the in-memory servers of the tests. */
public record MemoryResponse(URI uri, Map<String, List<String>> headers, byte[] content) implements TransportResponse {

    public MemoryResponse(URI uri, byte[] content) {
        this(uri, Map.of(), content);
    }

    @Override
    public int status() {
        return 200;
    }

    @Override
    public long contentLength() {
        return content.length;
    }

    @Override
    public InputStream body() {
        return new ByteArrayInputStream(content);
    }

    @Override
    public void close() {
    }
}
