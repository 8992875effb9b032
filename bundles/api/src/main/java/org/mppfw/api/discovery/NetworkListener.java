package org.mppfw.api.discovery;

import java.net.Inet4Address;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told when the phone's IPv4 address ({@link Discovery#address()}) changes:
 * a lease with another address, a lease lost (empty), a lease got back after a loss. Called on
 * discovery's thread: return quickly.
 *
 * @since 1.3
 */
@ConsumerType
public interface NetworkListener {

    /** @param address the phone's address now, empty while it has none */
    void addressChanged(Optional<Inet4Address> address);
}
