package org.mppfw.api.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A successful (class A) response. The body is streamed: read it once, then close the response.
 */
@ProviderType
public interface TransportResponse extends Closeable {

    /** The URI that answered, after redirects. */
    URI uri();

    /** HTTP status, or 0 for TFTP. */
    int status();

    /** Response headers by lower-case name (empty for TFTP). */
    Map<String, List<String>> headers();

    /** The first value of a header, by case-insensitive name. */
    default Optional<String> header(String name) {
        List<String> v = headers().get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The body length if announced (Content-Length, TFTP tsize), else -1. */
    long contentLength();

    /** The body; reading past {@link TransportRequest#maxBytes()} throws a class C exception. */
    InputStream body() throws IOException;

    @Override
    void close() throws IOException;
}
