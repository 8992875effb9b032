/**
 * Discovery: where an unconfigured phone finds its provisioning server. The DHCP options the
 * phone reads ({@code 66}, {@code 160}, {@code 159}, {@code 150} in the order of
 * {@code DHCP_Option_To_Use}), the DHCP domain name, the TR-069 ACS URL of options 43/125, DNS
 * SRV look-ups ({@code _ciscoprov-https._tls.<domain>}, {@code _ciscoprov-http._tcp.<domain>}),
 * remote customization with its states (told to every {@code CustomizationListener}), what the
 * phone's user contributes, such as the activation code typed on the activation-code screen
 * ({@code Profile_Rule} {@code gds://}, or a factory phone the activation server gave no URL),
 * and the phone's own address ({@code $IP}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.mppfw.api.discovery;
