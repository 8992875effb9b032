package org.mppfw.discovery.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.mppfw.api.discovery.DiscoveryException;
import org.mppfw.api.discovery.RemoteCustomization;
import org.mppfw.api.discovery.SrvTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands: {@code disc:status} (lease, options, sources in use, remote customization),
 * {@code disc:dhcp} (run a DHCP exchange now), {@code disc:srv DOMAIN} (the SRV targets in the
 * order the phone tries them), {@code disc:activate CODE} (send an activation code),
 * {@code disc:await STATE SECONDS} (for scripts: wait for a customization state).
 */
@Component(service = DiscoveryCommands.class,
        property = {"osgi.command.scope=disc", "osgi.command.function=status", "osgi.command.function=dhcp",
            "osgi.command.function=srv", "osgi.command.function=activate", "osgi.command.function=await"})
public final class DiscoveryCommands {

    private final DiscoveryComponent discovery;
    private final RemoteCustomization customization;

    @Activate
    public DiscoveryCommands(@Reference DiscoveryComponent discovery, @Reference RemoteCustomization customization) {
        this.discovery = discovery;
        this.customization = customization;
    }

    public String status() {
        return "discovery: " + discovery.status() + "\ncustomization: " + customization.state().label()
                + (customization.reason().isEmpty() ? "" : " (" + customization.reason() + ")");
    }

    /** Sends an activation code (16 digits, or # and 3 to 16 digits); prints the provisioning URL it gave. */
    public String activate(String code) {
        try {
            return "accepted: Profile_Rule = " + customization.activate(code) + "; resyncing";
        } catch (IllegalArgumentException | DiscoveryException e) {
            return "refused: " + e.getMessage();
        }
    }

    /**
     * Waits until the customization state is STATE (as shown: {@code Acquired},
     * {@code Custom Pending}...), at most SECONDS; fails (a batch stops) when it is not reached.
     */
    public String await(String state, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!customization.state().label().equalsIgnoreCase(state)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("customization is " + customization.state().label() + ", not " + state
                        + ", after " + seconds + " s: " + customization.reason());
            }
            Thread.sleep(100);
        }
        return "customization: " + customization.state().label() + " (" + customization.reason() + ")";
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
