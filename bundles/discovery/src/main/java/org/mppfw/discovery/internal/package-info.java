/**
 * Discovery of the provisioning server: a DHCPv4 client, the provisioning options it reads, and
 * DNS SRV look-ups.
 *
 * <p>The DHCP client is written here: Java has no maintained DHCP client library (the few that
 * exist are servers, or abandoned clients that need raw sockets through native code), and what
 * the phone needs is small: DISCOVER/OFFER/REQUEST/ACK, a unicast renewal, INFORM, and reading
 * options the way real servers send them (dnsmasq's NUL-terminated strings, Kea's own meanings
 * of options 159 and 160). DNS uses dnsjava, whose SRV support and resolver are complete.
 */
package org.mppfw.discovery.internal;
