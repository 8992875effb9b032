package org.mppfw.upgrade.internal.engine;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;

/**
 * A transport whose every exchange fails as a refused connection does. A fake and not a real
 * server: what is tested is what the upgrade does with a failed download, and no server is
 * needed to throw; the real transports' failures are their own bundles' tests, against real peers.
 */
final class FailingTransport implements Transport {

    static final String MESSAGE = "connection refused";

    final List<URI> requested = new CopyOnWriteArrayList<>();

    @Override
    public TransportResponse exchange(TransportRequest request) throws TransportException {
        // Restricted_Access_Domains, as every transport checks it (the http and tftp bundles show it on real
        // servers): a host outside it is not contacted
        request.allowedDomains().check(request.uri());
        requested.add(request.uri());
        throw new TransportException(ResultClass.C, 0, MESSAGE, null);
    }
}
