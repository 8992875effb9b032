package org.mppfw.discovery.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.mppfw.api.discovery.DiscoveryException;
import org.mppfw.api.discovery.SrvTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands: {@code disc:status} (lease, options, sources in use), {@code disc:dhcp} (run a
 * DHCP exchange now), {@code disc:srv DOMAIN} (the SRV targets in the order the phone tries them).
 */
@Component(service = DiscoveryCommands.class,
        property = {"osgi.command.scope=disc", "osgi.command.function=status", "osgi.command.function=dhcp",
            "osgi.command.function=srv"})
public final class DiscoveryCommands {

    private final DiscoveryService discovery;

    @Activate
    public DiscoveryCommands(@Reference DiscoveryService discovery) {
        this.discovery = discovery;
    }

    public String status() {
        return discovery.status();
    }

    public String dhcp() {
        return discovery.exchangeNow();
    }

    public String srv(String domain) {
        List<SrvTarget> targets;
        try {
            targets = discovery.lookupSrv(domain);
        } catch (DiscoveryException e) {
            return "failed: " + e.getMessage();
        }
        if (targets.isEmpty()) {
            return "no " + SrvResolver.HTTPS + domain + " nor " + SrvResolver.HTTP + domain + " SRV records";
        }
        return targets.stream().map(SrvTarget::toString).collect(Collectors.joining("\n"));
    }
}
