package org.mppfw.discovery.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of discovery (PID {@code org.mppfw.discovery}). Each attribute can also be set
 * as a framework property {@code mppfw.discovery.<name>} (e.g. {@code -Dmppfw.discovery.mode=dhcp}),
 * which wins over the configuration.
 */
@ObjectClassDefinition(name = "Discovery", description = "DHCP client and DNS SRV look-ups of the provisioning server")
public @interface DiscoveryConfig {

    /** The PID. */
    String PID = "org.mppfw.discovery";

    @AttributeDefinition(name = "Mode", description = "off: no DHCP; dhcp: DISCOVER/REQUEST, renew, rebind and release "
            + "(the phone owns the interface: address, default route and broadcast route; needs CAP_NET_ADMIN); inform: "
            + "DHCPINFORM only (the host keeps its own DHCP client and address); static: the options below, no DHCP at all")
    String mode() default "off";

    @AttributeDefinition(name = "Interface", description = "The network interface DHCP runs on, e.g. eth0")
    String interfaceName() default "";

    @AttributeDefinition(name = "Vendor class", description = "Option 60 sent; empty for the model, e.g. CP-8845-3PCC")
    String vendorClass() default "";

    @AttributeDefinition(name = "Static options", description = "For mode static: CODE=VALUE pairs separated by ';', "
            + "e.g. 66=10.0.0.1;160=https://prov.example.com/$PSN.xml;15=example.com; addresses of 150 as a comma list")
    String staticOptions() default "";

    @AttributeDefinition(name = "DNS servers", description = "host:port list for SRV look-ups; empty for those of the "
            + "DHCP lease (option 6), else the host's own")
    String dnsServers() default "";

    @AttributeDefinition(name = "SRV weight order", description = "lower-first (Cisco's text: within a priority, lower "
            + "weights first) or rfc2782 (weighted random draw)")
    String srvWeightOrder() default "lower-first";

    @AttributeDefinition(name = "Set the address", description = "In mode dhcp, own the interface: set the broadcast "
            + "route, the leased address and the default route with iproute2's ip (needs CAP_NET_ADMIN); false leaves "
            + "them to the host")
    boolean applyAddress() default true;

    @AttributeDefinition(name = "First wait (ms)", description = "Wait for a reply before the first retransmission; "
            + "doubled each time (RFC 2131: 4 s)")
    int dhcpWaitMillis() default 4000;

    @AttributeDefinition(name = "Transmissions", description = "Times a DHCP message is sent before the exchange fails")
    int dhcpTries() default 4;

    @AttributeDefinition(name = "Retry after failure (s)", description = "Delay before DHCP is tried again after a failed "
            + "exchange; doubled after each failure up to 3600 s")
    int retrySeconds() default 60;
}
