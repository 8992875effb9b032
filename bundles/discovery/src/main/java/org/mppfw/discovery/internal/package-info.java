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
 * direct executor and a virtual clock). {@code DiscoveryEngine} runs the exchanges of
 * {@code DhcpClient} (packets: {@code DhcpPacket}; a lease: {@code DhcpLease}), retries them with
 * a {@code Backoff}, decodes the options with {@code OptionDecoder} and looks SRV records up with
 * {@code SrvResolver}. {@code CustomizationEngine} keeps the customization state (in a
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
 */
package org.mppfw.discovery.internal;
