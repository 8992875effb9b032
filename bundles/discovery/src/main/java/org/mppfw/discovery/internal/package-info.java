/**
 * Discovery of the provisioning server: a DHCPv4 client, the provisioning options it reads, DNS
 * SRV look-ups, and remote customization (EDOS/CDA) with activation codes.
 *
 * <p>The components, each a small edge between DS and an engine:
 * <ul>
 * <li>{@code DiscoveryComponent} ({@code Discovery}, configuration PID {@code org.mppfw.discovery},
 * {@code DiscoveryConfig}): reads the configuration and its framework-property overrides
 * ({@code Settings}), creates the thread {@code mppfw-discovery}, and hands the calls to
 * {@code DiscoveryEngine};</li>
 * <li>{@code CustomizationComponent} ({@code RemoteCustomization}, and the listeners of resync
 * results, of {@code Profile_Rule} and of codes typed on the keypad): keeps the engine's
 * {@code Transports} table and its {@code ServiceSlot} of the resync engine current, creates the
 * thread {@code mppfw-customization}, and hands the calls to {@code CustomizationEngine}, which
 * tells the {@code CustomizationListener}s (the display) its state and whether the phone awaits
 * an activation code. It takes
 * {@code DiscoveryComponent} itself, for whether discovery is on at all;</li>
 * <li>{@code DiscoveryCommands}: the {@code disc:} shell commands.</li>
 * </ul>
 *
 * <p>The engines are plain objects built by their constructors, with no DS and no thread of their
 * own: they run on the serial {@code Executor} and the {@code Clock} they are given (a test gives a
 * direct executor and a virtual clock). {@code DiscoveryEngine} has a {@code LeaseKeeper} run the
 * exchanges of {@code DhcpClient} ({@code DhcpExchanges}; packets: {@code DhcpPacket}; a lease:
 * {@code DhcpLease}) through the lease's life and set the interface ({@code Link}, {@code IpLink}),
 * retries them with a {@code Backoff}, decodes the options with {@code OptionDecoder} and looks SRV records up with
 * {@code SrvResolver}; when the phone's address changes (a lease with another address, a lease
 * lost, one got back) the component tells the {@code NetworkListener}s (the SIP lines register
 * again). {@code CustomizationEngine} keeps the customization state (in a
 * {@code StateFile} once final), asks the activation server through {@code ActivationServer},
 * retries with a {@code Backoff}, and tells its listeners through {@code CustomizationEvents}.
 *
 * <p>Remote customization follows the reference's states and the CDA retry of firmware 12.0(3);
 * where the reference is unsure, these are the choices:
 * <ul>
 * <li>CDA retry: until Acquired, Aborted or GDS-Acquired, the activation server is asked again
 * in the background (GDS-Pending, Custom Pending and Unavailable become Pending when it is).
 * The back-off's figures are UNCONFIRMED; as the reference infers, it follows
 * {@code Resync_Error_Retry_Delay} (the guide asks to keep that at 60 s or more out of the box):
 * its first item (60 s by default, 60 s when it is 0), doubled after each try, at most a day. A
 * value under 60 s is taken as given, as {@code Resync_Error_Retry_Delay} itself is. The retry
 * runs only when discovery is on, as the first query does.</li>
 * <li>"the phone moves to the activation code screen or the phone shows an empty screen": the
 * first query that gives no URL puts a factory phone on the activation-code screen
 * (GDS-Pending) when {@code Webex_Onboard_Enable} is Yes, and leaves the idle screen (Pending,
 * Unavailable) when it is No. The screen is the engine's offer, not a {@code Profile_Rule} of
 * {@code gds://}: the phone never rewrites the provider's parameter to show it, so the factory
 * {@code /$PSN.xml} stays and the resyncs (the retry after an error, the periodic one, the next
 * power-up) go on asking the servers DHCP gives, as "if queries either for local DHCP server or
 * for EDOS server fails for provisioning, phone retries to onboard over DHCP and EDOS" asks. The
 * offer stays through the retries, while the state between two questions is what the last
 * answer gave (the seed's "GDS-Pending to Pending": Pending, or Unavailable), and ends with a code
 * accepted, a URL from the activation server, or a final state. It is not kept across a restart:
 * the power-up resync tries DHCP again and, failing, the first question comes again. A
 * {@code gds://} set by a provider or by hand keeps its meaning: GDS-Pending until a code.</li>
 * <li>A resync that succeeds from a server DHCP (or DNS SRV) gave before the activation server
 * gave a URL, on the activation-code screen or not, provisioned the phone by another method:
 * Aborted, which ends the screen and the CDA retry (the reference's "Open --DHCP gives prov info
 * and resync OK--> Aborted"; the seed's final states stop the retry). It is not GDS-Acquired,
 * which needs a code.</li>
 * <li>The guide's meaning of {@code Webex_Onboard_Enable} is onboarding to the Webex cloud, by
 * activation code or by MAC: with No, the phone neither offers the activation-code screen on its
 * own nor sends a 16-digit code (refused on the phone, sent nowhere). A short code ({@code #} and
 * 3 to 16 digits) names a CDA redirection profile, Cisco's and not Webex's, and works either
 * way.</li>
 * <li>Two services, as Cisco has two hosts: the activation server ({@code Activation_Server_URL},
 * default {@code https://activate.cisco.com}) for the MAC's question and short codes, and the
 * onboarding service ({@code Onboarding_Server_URL}, default {@code https://activation.webex.com},
 * the host the guide names for activation codes) for 16-digit codes. Neither is a Cisco
 * parameter; their protocols are not public, and {@code ActivationServer} says the phone's.</li>
 * <li>A code accepted stops the retry: the resync from its URL decides (GDS-Acquired).</li>
 * </ul>
 *
 * <p>The DHCP client is written here: Java has no maintained DHCP client library (the few that
 * exist are servers, or abandoned clients that need raw sockets through native code), and what
 * the phone needs is small: DISCOVER/OFFER/REQUEST/ACK, a unicast renewal, INFORM, and reading
 * options the way real servers send them (dnsmasq's NUL-terminated strings, Kea's own meanings
 * of options 159 and 160). DNS uses dnsjava, whose SRV support and resolver are complete.
 *
 * <p>Choices for mode {@code dhcp}, where the phone owns its interface as a phone owns its port:
 * <ul>
 * <li><b>Capability.</b> Owning the interface needs {@code CAP_NET_ADMIN}; {@code Capabilities}
 * reads bit 12 of {@code CapEff} in {@code /proc/self/status} (and, for a process that is not
 * root, of {@code CapAmb}, since the {@code ip} it runs must have it too). Without it the mode is
 * refused with one error line, repeated in {@code disc:status}, and no packet is sent: a phone
 * that half-owns its interface would keep an address it cannot renew or release.</li>
 * <li><b>Sending from 0.0.0.0 on a bare interface.</b> The JDK can neither bind a socket to a
 * device nor open a raw socket; {@code SO_BINDTODEVICE} would need native code (JNA, or JNI of our
 * own) inside an OSGi bundle for one option. Instead the phone adds the route
 * {@code 255.255.255.255 dev IFACE}, through which the kernel sends the limited broadcast from a
 * socket bound to 0.0.0.0:68 with no address on the interface, keeps it while it holds the
 * interface (rebinding at T2 broadcasts too) and removes it at release. Address and routes are set
 * with iproute2's {@code ip} (the JDK has no netlink either): it is on every Linux the phone runs
 * on, each change is one idempotent {@code replace}, and its error text goes to the log.</li>
 * <li><b>What is applied.</b> The address with the prefix of option 1 and the lease time as its
 * kernel lifetime; the default route of option 3 with metric 1024, behind any default route the
 * host already has. The DNS servers of option 6 serve the phone's own resolver, the SRV look-ups
 * (unless {@code dnsServers} is set); the host's {@code /etc/resolv.conf} is not rewritten: it
 * belongs to the host and would change every program on it. Host names in URLs are still
 * resolved by the JVM, with the host's resolver.</li>
 * <li><b>Timers</b> (RFC 2131 4.4.5): renewal at T1 (option 58, else half the lease) unicast to
 * the server, rebinding at T2 (option 59, else 7/8) broadcast, each retried after half the time
 * left and at least 60 s; at the end of the lease the address goes and the phone starts over. A
 * DHCPNAK to a renewal starts over at once. At the phone's stop it sends DHCPRELEASE and removes
 * the address, the default route and the broadcast route. No ARP probe (DHCPDECLINE) is made.</li>
 * <li><b>Option 55</b> asks for 1, 2, 3, 6, 15, 42, 51, 54, 58, 59, then every option of
 * {@code DHCP_Option_To_Use} (dnsmasq sends only what is asked for); <b>option 60</b> is the
 * model, {@code CP-8845-3PCC}, the form the reference (section 6.1) shows a real MPP phone
 * sending ({@code CP-7841-3PCC}).</li>
 * <li><b>{@code $IP}</b> ({@code Discovery.address()}): the leased address in mode dhcp (and the
 * interface's in mode inform), else the configured interface's first IPv4 address, else the
 * source address of the route to the outside (a UDP socket connected to TEST-NET-1, which sends
 * nothing).</li>
 * </ul>
 */
package org.mppfw.discovery.internal;
