package org.mppfw.discovery.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.discovery.DiscoveryException;
import org.mppfw.api.discovery.ProvisioningSource;
import org.mppfw.api.discovery.SrvTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery, a plain object: runs the DHCP client of {@link Settings#mode()} through a
 * {@link LeaseKeeper} (or takes the static options), keeps the last reply's options, and decodes
 * them with the current {@code DHCP_Option_To_Use} whenever asked, so that a changed list applies
 * at once.
 *
 * <p>In mode {@code dhcp} with {@code applyAddress} the phone owns its interface ({@link IpLink}):
 * that needs {@code CAP_NET_ADMIN} ({@link Capabilities}); without it the mode is refused with
 * one line in the log and in the status, and no DHCP runs.
 *
 * <p>The timers run on the {@link Clock}; the exchanges run on the executor it is given. It starts
 * no thread of its own: the phone's component gives it one ({@link DiscoveryComponent}); a test
 * gives it a direct executor and a virtual clock.
 */
final class DiscoveryEngine implements Discovery {

    static final Duration MAX_RETRY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryEngine.class);

    private final ParameterStore store;
    private final Settings settings;
    private final LeaseKeeper keeper;
    private volatile Map<Integer, byte[]> options = Map.of();
    private volatile String refused;
    private volatile Consumer<Optional<Inet4Address>> addressListener = a -> { };
    /** The address last told; null before the first. */
    private Optional<Inet4Address> toldAddress;

    /** @param worker runs the exchanges, one at a time */
    DiscoveryEngine(Clock clock, ParameterStore store, DeviceIdentity identity, Settings settings, Executor worker) {
        this(clock, store, identity, settings, worker, null,
                settings.mode() == Settings.Mode.DHCP && settings.applyAddress() ? new IpLink(settings.interfaceName())
                        : Link.NONE);
    }

    /** @param opener the DHCP exchanges, null for the client on port 68 of the interface */
    DiscoveryEngine(Clock clock, ParameterStore store, DeviceIdentity identity, Settings settings, Executor worker,
            DhcpExchanges.Opener opener, Link link) {
        this.store = store;
        this.settings = settings;
        DhcpExchanges.Opener o = opener != null ? opener : () -> client(clock, identity);
        this.keeper = new LeaseKeeper(clock, settings, o, link, worker, this::leased);
        keeper.onDrop(this::tellAddress);
    }

    /** {@code l} is told the phone's address whenever it changes (lease got, lost, got back). */
    void onAddress(Consumer<Optional<Inet4Address>> l) {
        addressListener = l;
    }

    private synchronized void tellAddress() {
        Optional<Inet4Address> now = address();
        if (!now.equals(toldAddress)) {
            toldAddress = now;
            LOG.info("Discovery: the phone's address is now {}", now.map(Inet4Address::getHostAddress).orElse("none"));
            addressListener.accept(now);
        }
    }

    /** Takes the static options at once, or starts the first DHCP exchange on the executor. */
    void start() {
        switch (settings.mode()) {
            case STATIC -> {
                options = settings.staticOptions();
                LOG.info("Discovery: static options {}", options.keySet());
                keepAcsUrl();
            }
            case DHCP -> {
                refused = settings.applyAddress() ? Capabilities.netAdminRefusal() : null;
                if (settings.interfaceName().isBlank()) {
                    refused = noInterface();
                    LOG.error("Discovery: {}", refused);
                } else if (refused != null) {
                    refused = "mode dhcp refused: owning interface " + settings.interfaceName()
                            + " needs CAP_NET_ADMIN and " + refused + " (run the phone as root or with the ambient "
                            + "capability, or use mode inform and let the host set the address)";
                    LOG.error("Discovery: {}", refused);
                } else {
                    keeper.start();
                }
            }
            case INFORM -> {
                if (settings.interfaceName().isBlank()) {
                    refused = noInterface();
                    LOG.error("Discovery: {}", refused);
                } else {
                    keeper.start();
                }
            }
            case OFF -> LOG.info("Discovery: DHCP is off (mode off)");
        }
    }

    private String noInterface() {
        return "mode " + settings.mode().name().toLowerCase(Locale.ROOT) + " refused: no interface named "
                + "(set mppfw.discovery.interfaceName, for example eth0: the phone's one network port)";
    }

    /** Schedules no more exchanges; the owner then stops the executor and calls {@link #release()}. */
    void stop() {
        keeper.stop();
    }

    /** At the phone's stop: releases the lease of mode dhcp and takes its address away. */
    void release() {
        keeper.release();
    }

    /** Whether the phone discovers its provisioning server at all (mode other than off). */
    @Override
    public boolean enabled() {
        return settings.mode() != Settings.Mode.OFF;
    }

    /** Runs one exchange now (renew when a lease is held), on the caller's thread; the result line. */
    String exchangeNow() {
        if (settings.mode() != Settings.Mode.DHCP && settings.mode() != Settings.Mode.INFORM) {
            return "DHCP is off (mode " + settings.mode().name().toLowerCase(Locale.ROOT) + ")";
        }
        if (refused != null) {
            return refused;
        }
        String r = keeper.exchangeNow();
        return r.startsWith("failed") ? r : r + "; sources " + decoded().sources();
    }

    /** Exchanges so far, for tests. */
    int attempts() {
        return keeper.attempts();
    }

    private void leased(DhcpLease got) {
        options = got.options();
        keepAcsUrl();
        OptionDecoder.Decoded d = decoded();
        LOG.info("Discovery: DHCP {}; provisioning sources {}{}", got, d.sources(),
                d.notes().isEmpty() ? "" : "; " + String.join("; ", d.notes()));
        tellAddress();
    }

    private DhcpClient client(Clock clock, DeviceIdentity identity) throws IOException {
        byte[] mac = Interfaces.mac(settings.interfaceName());
        String vc = settings.vendorClass().isEmpty() ? identity.model() : settings.vendorClass();
        return new DhcpClient(mac, vc, order(), settings.dhcpWait(), settings.dhcpTries(), clock::now, new SecureRandom(),
                DhcpClient.CLIENT_PORT, DhcpClient.SERVER_PORT);
    }

    /**
     * Keeps the ACS URL of option 43/125 in {@code ACS_URL} for the TR-069 client when
     * {@code TR-069_DHCPOption_Init} is Yes and no ACS URL is configured: a configured one wins.
     */
    private void keepAcsUrl() {
        String acs = decoded().acsUrl();
        if (acs == null) {
            return;
        }
        try {
            String init = store.get("TR-069_DHCPOption_Init");
            String current = store.get("ACS_URL");
            if ("yes".equalsIgnoreCase(init) && (current == null || current.isBlank())) {
                store.set("ACS_URL", acs, org.mppfw.api.config.ChangeSource.SYSTEM);
                LOG.info("Discovery: ACS_URL = {} (from DHCP)", acs);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Discovery: could not keep the ACS URL {} from DHCP: {}", acs, e.getMessage());
        }
    }

    /** {@code DHCP_Option_To_Use}, or its default when unset or not a list. */
    List<Integer> order() {
        String v;
        try {
            v = store.get("DHCP_Option_To_Use");
        } catch (RuntimeException e) {
            v = null;
        }
        if (v == null || v.isBlank()) {
            return OptionDecoder.DEFAULT_ORDER;
        }
        List<Integer> l = new ArrayList<>();
        for (String s : v.split("[, ]+")) {
            try {
                l.add(Integer.parseInt(s.strip()));
            } catch (NumberFormatException e) {
                LOG.warn("Discovery: DHCP_Option_To_Use '{}' is not a list of numbers; using {}", v, OptionDecoder.DEFAULT_ORDER);
                return OptionDecoder.DEFAULT_ORDER;
            }
        }
        return l;
    }

    OptionDecoder.Decoded decoded() {
        return OptionDecoder.decode(options, order());
    }

    @Override
    public List<ProvisioningSource> sources() {
        return decoded().sources();
    }

    @Override
    public Optional<String> domain() {
        return Optional.ofNullable(decoded().domain());
    }

    @Override
    public Optional<String> acsUrl() {
        return Optional.ofNullable(decoded().acsUrl());
    }

    @Override
    public List<String> ntpServers() {
        return decoded().ntpServers();
    }

    @Override
    public List<SrvTarget> lookupSrv(String domain) throws DiscoveryException {
        return new SrvResolver(dnsServers(), Duration.ofSeconds(3), settings.weightOrder(), new SecureRandom()).lookup(domain);
    }

    /** The configured DNS servers, else those of the lease (option 6), else none (the host's). */
    List<InetSocketAddress> dnsServers() {
        if (!settings.dnsServers().isEmpty()) {
            return settings.dnsServers();
        }
        List<InetSocketAddress> l = new ArrayList<>();
        DhcpLease.addresses(options.get(6)).forEach(a -> l.add(new InetSocketAddress(a, 53)));
        return l;
    }

    @Override
    public Optional<Inet4Address> address() {
        if (settings.mode() == Settings.Mode.DHCP || settings.mode() == Settings.Mode.INFORM) {
            return Optional.ofNullable(keeper.address());
        }
        if (!settings.interfaceName().isEmpty()) {
            return Interfaces.ipv4(settings.interfaceName());
        }
        return Interfaces.outbound();
    }

    @Override
    public String status() {
        OptionDecoder.Decoded d = decoded();
        StringBuilder b = new StringBuilder("mode ").append(settings.mode().name().toLowerCase(Locale.ROOT));
        if (!settings.interfaceName().isEmpty()) {
            b.append(" on ").append(settings.interfaceName());
        }
        if (refused != null) {
            b.append("; ").append(refused);
        }
        DhcpLease l = keeper.lease();
        if (l != null) {
            b.append("; lease ").append(l);
        }
        if (keeper.lastError() != null) {
            b.append("; last DHCP failed at ").append(keeper.lastExchange()).append(": ").append(keeper.lastError());
        }
        b.append("; DHCP_Option_To_Use ").append(order());
        b.append("; sources ").append(d.sources().isEmpty() ? "none" : d.sources());
        if (d.domain() != null) {
            b.append("; domain ").append(d.domain());
        }
        if (d.acsUrl() != null) {
            b.append("; ACS ").append(d.acsUrl());
        }
        if (!d.ntpServers().isEmpty()) {
            b.append("; NTP ").append(String.join(", ", d.ntpServers()));
        }
        d.notes().forEach(n -> b.append("; ").append(n));
        return b.toString();
    }
}
