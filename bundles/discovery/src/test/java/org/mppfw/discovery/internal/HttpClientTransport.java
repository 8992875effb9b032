package org.mppfw.discovery.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.mppfw.testing.MemoryResponse;

/**
 * Test glue: the {@link Transport} contract over the JDK's HTTP client, so that the
 * customization tests talk to a real nginx without the phone's HTTP bundle (tested on its own).
 * 200 gives the body; any other status is a {@link TransportException} with that status.
 */
final class HttpClientTransport implements Transport {

    final List<URI> requested = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public TransportResponse exchange(TransportRequest request) throws TransportException {
        requested.add(request.uri());
        HttpResponse<byte[]> r;
        try {
            r = client.send(HttpRequest.newBuilder(request.uri()).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TransportException(ResultClass.C, 0, "no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(ResultClass.C, 0, "interrupted", e);
        }
        if (r.statusCode() != 200) {
            throw new TransportException(r.statusCode() == 404 ? ResultClass.B : ResultClass.C, r.statusCode(),
                    "HTTP " + r.statusCode(), null);
        }
        byte[] body = r.body();
        return new MemoryResponse(request.uri(), body);
    }

    static Map<String, Object> props() {
        return Map.of(Transport.SCHEMES, new String[] {"http"});
    }
}
