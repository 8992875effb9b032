package org.mppfw.discovery.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

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
 * Discovery, a plain object: runs the DHCP client of {@link Settings#mode()} (or takes the static
 * options), keeps the last reply's options, and decodes them with the current
 * {@code DHCP_Option_To_Use} whenever asked, so that a changed list applies at once.
 *
 * <p>Retry: a failed DHCP exchange is tried again after {@code retrySeconds}, doubled after each
 * further failure up to an hour; a lease is renewed at T1. Both timers run on the {@link Clock};
 * the exchanges run on the executor it is given. It starts no thread of its own: the phone's
 * component gives it one ({@link DiscoveryComponent}); a test gives it a direct executor and a
 * virtual clock.
 */
final class DiscoveryEngine implements Discovery {

    static final Duration MAX_RETRY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryEngine.class);

    private final Clock clock;
    private final ParameterStore store;
    private final DeviceIdentity identity;
    private final Settings settings;
    private final Executor worker;

    private volatile Map<Integer, byte[]> options = Map.of();
    private volatile DhcpLease lease;
    private volatile String lastError;
    private volatile Instant lastExchange;
    private final Object exchangeLock = new Object();
    private volatile int attempts;
    private final Backoff backoff;
    private Clock.Timer timer;
    private boolean stopped;

    /** @param worker runs the exchanges, one at a time */
    DiscoveryEngine(Clock clock, ParameterStore store, DeviceIdentity identity, Settings settings, Executor worker) {
        this.clock = clock;
        this.store = store;
        this.identity = identity;
        this.settings = settings;
        this.worker = worker;
        this.backoff = new Backoff(settings.retry(), MAX_RETRY);
    }

    /** Takes the static options at once, or starts the first DHCP exchange on the executor. */
    void start() {
        switch (settings.mode()) {
            case STATIC -> {
                options = settings.staticOptions();
                LOG.info("Discovery: static options {}", options.keySet());
                keepAcsUrl();
            }
            case DHCP, INFORM -> worker.execute(this::exchange);
            case OFF -> LOG.info("Discovery: DHCP is off (mode off)");
        }
    }

    /** Cancels the timer and schedules no more exchanges; the owner then stops the executor. */
    void stop() {
        synchronized (this) {
            stopped = true;
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    /** Whether the phone discovers its provisioning server at all (mode other than off). */
    boolean enabled() {
        return settings.mode() != Settings.Mode.OFF;
    }

    /** Runs one exchange now (renew when a lease is held), on the caller's thread; the result line. */
    String exchangeNow() {
        return exchange();
    }

    private String exchange() {
        synchronized (exchangeLock) {
            return exchangeLocked();
        }
    }

    /** Exchanges so far, for tests. */
    int attempts() {
        return attempts;
    }

    private String exchangeLocked() {
        if (settings.mode() != Settings.Mode.DHCP && settings.mode() != Settings.Mode.INFORM) {
            return "DHCP is off (mode " + settings.mode().name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
        DhcpLease got;
        attempts++;
        try (DhcpClient client = client()) {
            DhcpLease held = lease;
            if (settings.mode() == Settings.Mode.INFORM) {
                got = client.inform(ipv4Of(settings.interfaceName()));
            } else if (held != null && !held.informed()) {
                try {
                    got = client.renew(held);
                } catch (IOException e) {
                    LOG.warn("Discovery: renewing {} failed ({}); starting over", held, e.getMessage());
                    got = client.acquire();
                }
            } else {
                got = client.acquire();
            }
        } catch (IOException | RuntimeException e) {
            lastError = e.getMessage();
            lastExchange = clock.now();
            Duration wait = backoff.next();
            LOG.warn("Discovery: DHCP on {} failed: {}; next try in {} s", settings.interfaceName(), e.getMessage(),
                    wait.toSeconds());
            later(wait);
            return "failed: " + e.getMessage();
        }
        if (settings.mode() == Settings.Mode.DHCP && settings.applyAddress()) {
            setAddress(got);
        }
        lease = got;
        options = got.options();
        lastError = null;
        lastExchange = clock.now();
        backoff.reset(settings.retry());
        keepAcsUrl();
        OptionDecoder.Decoded d = decoded();
        LOG.info("Discovery: DHCP {}; provisioning sources {}{}", got, d.sources(),
                d.notes().isEmpty() ? "" : "; " + String.join("; ", d.notes()));
        Duration renew = got.renewAfter();
        if (renew != null) {
            later(renew);
        }
        return got + "; sources " + d.sources();
    }

    private synchronized void later(Duration delay) {
        if (stopped) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        timer = clock.schedule(delay, () -> {
            synchronized (this) {
                if (!stopped) {
                    worker.execute(this::exchange);
                }
            }
        });
    }

    private DhcpClient client() throws IOException {
        byte[] mac = Interfaces.mac(settings.interfaceName());
        String vc = settings.vendorClass().isEmpty() ? identity.model() : settings.vendorClass();
        List<Integer> wanted = new ArrayList<>(order());
        wanted.add(42);
        return new DhcpClient(mac, vc, wanted, settings.dhcpWait(), settings.dhcpTries(), clock::now, new SecureRandom(),
                DhcpClient.CLIENT_PORT, DhcpClient.SERVER_PORT);
    }

    private static Inet4Address ipv4Of(String name) throws IOException {
        NetworkInterface ni = NetworkInterface.getByName(name);
        if (ni != null) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address v4) {
                    return v4;
                }
            }
        }
        throw new IOException("INFORM needs an IPv4 address on " + name + "; it has none");
    }

    private void setAddress(DhcpLease l) {
        String cidr = l.address().getHostAddress() + "/" + (l.prefix() < 0 ? 32 : l.prefix());
        try {
            Process p = new ProcessBuilder("ip", "addr", "replace", cidr, "dev", settings.interfaceName())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (p.waitFor() != 0) {
                LOG.warn("Discovery: could not set {} on {}: {}", cidr, settings.interfaceName(), out);
            }
        } catch (IOException e) {
            LOG.warn("Discovery: could not set {} on {}: {}", cidr, settings.interfaceName(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        byte[] dns = options.get(6);
        List<InetSocketAddress> l = new ArrayList<>();
        if (dns != null && dns.length % 4 == 0) {
            for (int i = 0; i < dns.length; i += 4) {
                l.add(new InetSocketAddress(DhcpPacket.address(java.util.Arrays.copyOfRange(dns, i, i + 4)), 53));
            }
        }
        return l;
    }

    @Override
    public String status() {
        OptionDecoder.Decoded d = decoded();
        StringBuilder b = new StringBuilder("mode ").append(settings.mode().name().toLowerCase(java.util.Locale.ROOT));
        if (!settings.interfaceName().isEmpty()) {
            b.append(" on ").append(settings.interfaceName());
        }
        DhcpLease l = lease;
        if (l != null) {
            b.append("; lease ").append(l);
        }
        if (lastError != null) {
            b.append("; last DHCP failed at ").append(lastExchange).append(": ").append(lastError);
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
