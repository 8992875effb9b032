package org.mppfw.api.transport;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Fetches and sends by URL. Each implementation registers with the service property
 * {@link #SCHEMES} naming the URL schemes it serves ({@code tftp}, {@code http}, {@code https}).
 */
@ProviderType
public interface Transport {

    /** Service property: the URL schemes served, a String or String[]. */
    String SCHEMES = "mppfw.transport.schemes";

    /**
     * Performs a request.
     *
     * @return a class A response whose body the caller reads and closes
     * @throws TransportException a class B or C failure, with a message for the operator
     */
    TransportResponse exchange(TransportRequest request) throws TransportException;
}
