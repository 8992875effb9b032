/**
 * Discovery: where an unconfigured phone finds its provisioning server. The DHCP options the
 * phone reads ({@code 66}, {@code 160}, {@code 159}, {@code 150} in the order of
 * {@code DHCP_Option_To_Use}), the DHCP domain name, the TR-069 ACS URL of options 43/125, and
 * DNS SRV look-ups ({@code _ciscoprov-https._tls.<domain>}, {@code _ciscoprov-http._tcp.<domain>}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mppfw.api.discovery;
