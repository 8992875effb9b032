package org.mppfw.discovery.internal;

import java.io.IOException;

/** What the phone sets on the interface it owns in mode {@code dhcp}. */
interface Link {

    /** Changes nothing: the host sets the address ({@code applyAddress} false, mode inform). */
    Link NONE = new Link() {
        @Override
        public void prepare() {
        }

        @Override
        public void apply(DhcpLease lease, DhcpLease previous) {
        }

        @Override
        public void remove(DhcpLease lease) {
        }
    };

    /** Before a broadcast from 0.0.0.0: the link up and the limited-broadcast route through it. */
    void prepare() throws IOException;

    /** The leased address with its prefix and lifetime, and the default route of option 3. */
    void apply(DhcpLease lease, DhcpLease previous) throws IOException;

    /** Takes the address, its default route and the broadcast route away (release, expiry, stop). */
    void remove(DhcpLease lease);
}
