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
 * thread {@code mppfw-customization}, and hands the calls to {@code CustomizationEngine}. It takes
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
 * {@code StateFile} once final), asks the activation server through {@code ActivationServer}, and
 * retries with a {@code Backoff}.
 *
 * <p>The DHCP client is written here: Java has no maintained DHCP client library (the few that
 * exist are servers, or abandoned clients that need raw sockets through native code), and what
 * the phone needs is small: DISCOVER/OFFER/REQUEST/ACK, a unicast renewal, INFORM, and reading
 * options the way real servers send them (dnsmasq's NUL-terminated strings, Kea's own meanings
 * of options 159 and 160). DNS uses dnsjava, whose SRV support and resolver are complete.
 */
package org.mppfw.discovery.internal;
