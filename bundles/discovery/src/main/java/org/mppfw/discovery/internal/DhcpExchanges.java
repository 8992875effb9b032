package org.mppfw.discovery.internal;

import java.io.IOException;
import java.net.Inet4Address;

/** The DHCP exchanges the phone makes, each one to its end (RFC 2131 4.3, 4.4). */
interface DhcpExchanges extends AutoCloseable {

    /** DISCOVER, OFFER, REQUEST, ACK, broadcast. */
    DhcpLease acquire() throws IOException;

    /** RENEWING: REQUEST with the leased address as ciaddr, unicast to the server that gave it. */
    DhcpLease renew(DhcpLease lease) throws IOException;

    /** REBINDING: the same REQUEST broadcast, for any server. */
    DhcpLease rebind(DhcpLease lease) throws IOException;

    /** RELEASE, unicast to the server; no reply comes. */
    void release(DhcpLease lease) throws IOException;

    /** INFORM: options only, for a host that already has {@code address}. */
    DhcpLease inform(Inet4Address address) throws IOException;

    @Override
    void close();

    /** The server answered DHCPNAK: the lease is gone, the client starts over (RFC 2131 4.4). */
    final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** Opens the exchanges of one run (a socket on port 68). */
    @FunctionalInterface
    interface Opener {
        DhcpExchanges open() throws IOException;
    }
}
