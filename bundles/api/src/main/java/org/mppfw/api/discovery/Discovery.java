package org.mppfw.api.discovery;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the phone learnt about its provisioning server, as the resync engine, the LCD, the web
 * pages and the shell see it.
 */
@ProviderType
public interface Discovery {

    /**
     * The provisioning sources the last DHCP lease (or the static configuration) gave, in the
     * order of {@code DHCP_Option_To_Use}: the first one that yields a response wins. Empty when
     * DHCP gave none.
     */
    List<ProvisioningSource> sources();

    /** The domain name of the last lease (option 15), the one DNS SRV look-ups use. */
    Optional<String> domain();

    /** The TR-069 ACS URL of option 43 or 125, stored for the CWMP client. */
    Optional<String> acsUrl();

    /**
     * The NTP servers of the last lease (option 42), in the order sent; empty when it gave none.
     *
     * @since 1.1
     */
    default List<String> ntpServers() {
        return List.of();
    }

    /**
     * Looks up {@code _ciscoprov-https._tls.<domain>}, then {@code _ciscoprov-http._tcp.<domain>}:
     * the https targets first, each list in SRV order (lower priority first, then by weight).
     *
     * @return the targets, empty when neither name has SRV records
     * @throws DiscoveryException when no DNS server answered
     */
    List<SrvTarget> lookupSrv(String domain) throws DiscoveryException;

    /**
     * Whether the phone looks for its provisioning server at all (a discovery mode other than
     * {@code off}): when it does not, a rule without a server has none to use.
     *
     * @since 1.1
     */
    default boolean enabled() {
        return true;
    }

    /**
     * The phone's IPv4 address, the value of {@code $IP}: in mode {@code dhcp} the leased one
     * (empty until the phone has a lease), otherwise the address of the configured interface, or
     * the one the host sends from to the outside.
     *
     * @since 1.1
     */
    default Optional<Inet4Address> address() {
        return Optional.empty();
    }

    /** One line a person reads: the lease, the options found and the one in use. */
    String status();
}
