package org.mppfw.discovery.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

import org.mppfw.api.discovery.DiscoveryException;
import org.mppfw.api.discovery.SrvTarget;
import org.xbill.DNS.Cache;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNS SRV look-ups of the provisioning server with dnsjava: {@code _ciscoprov-https._tls.<domain>}
 * first, then {@code _ciscoprov-http._tcp.<domain>} (which first is not documented; https first
 * is the safer reading). TFTP has no SRV name.
 *
 * <p>Order inside one name: lower priority first. Within one priority the reference quotes
 * Cisco as trying lower weights first, which is not RFC 2782's weighted random choice;
 * {@link WeightOrder#LOWER_FIRST} follows Cisco's text and is the default, {@link WeightOrder#RFC2782}
 * draws as RFC 2782 says (weight 0 entries first in the draw's list, each chosen with probability
 * weight/sum).
 */
final class SrvResolver {

    static final String HTTPS = "_ciscoprov-https._tls.";
    static final String HTTP = "_ciscoprov-http._tcp.";

    /** How targets of one priority are ordered. */
    enum WeightOrder { LOWER_FIRST, RFC2782 }

    private final List<InetSocketAddress> servers;
    private final Duration timeout;
    private final WeightOrder order;
    private final RandomGenerator random;

    /**
     * @param servers the DNS servers to ask, in order; empty for the host's own resolver configuration
     */
    SrvResolver(List<InetSocketAddress> servers, Duration timeout, WeightOrder order, RandomGenerator random) {
        this.servers = List.copyOf(servers);
        this.timeout = timeout;
        this.order = order;
        this.random = random;
    }

    /** The https targets, then the http ones; empty when neither name has records. */
    List<SrvTarget> lookup(String domain) throws DiscoveryException {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.isEmpty()) {
            throw new DiscoveryException("no domain to look up SRV records in");
        }
        List<SrvTarget> all = new ArrayList<>(query(HTTPS + d, "https", d));
        all.addAll(query(HTTP + d, "http", d));
        return all;
    }

    private List<SrvTarget> query(String name, String scheme, String domain) throws DiscoveryException {
        Lookup lookup;
        try {
            lookup = new Lookup(Name.fromString(name + "."), Type.SRV);
        } catch (TextParseException e) {
            throw new DiscoveryException("'" + name + "' is not a DNS name: " + e.getMessage());
        }
        lookup.setResolver(resolver());
        lookup.setCache(new Cache()); // each look-up asks the network: a phone re-discovers after a failure
        Record[] answers;
        try {
            answers = lookup.run();
        } catch (RuntimeException e) {
            // a resolver bug or a malformed answer must not escape as an unchecked exception
            throw new DiscoveryException("SRV look-up of " + name + " failed: " + e, e);
        }
        switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL -> {
                List<SrvTarget> l = new ArrayList<>();
                for (Record r : answers) {
                    if (r instanceof SRVRecord s && !s.getTarget().equals(Name.root)) {
                        String host = s.getTarget().toString(true);
                        l.add(new SrvTarget(scheme, host, s.getPort(), s.getPriority(), s.getWeight(), domain));
                    }
                }
                return sort(l);
            }
            case Lookup.HOST_NOT_FOUND, Lookup.TYPE_NOT_FOUND -> {
                return List.of();
            }
            default -> throw new DiscoveryException("SRV look-up of " + name + " failed: " + lookup.getErrorString()
                    + (servers.isEmpty() ? "" : " (DNS " + servers + ")"));
        }
    }

    private Resolver resolver() {
        if (servers.isEmpty()) {
            Resolver r = new ExtendedResolver();
            r.setTimeout(timeout);
            return r;
        }
        List<Resolver> rs = new ArrayList<>();
        for (InetSocketAddress a : servers) {
            SimpleResolver s = new SimpleResolver(a);
            s.setTimeout(timeout);
            rs.add(s);
        }
        ExtendedResolver r = new ExtendedResolver(rs);
        r.setLoadBalance(false);
        r.setRetries(1);
        r.setTimeout(timeout);
        return r;
    }

    /** Sorts one name's targets: priority, then the weight order. */
    List<SrvTarget> sort(List<SrvTarget> targets) {
        List<SrvTarget> byPriority = new ArrayList<>(targets);
        byPriority.sort(Comparator.comparingInt(SrvTarget::priority));
        if (order == WeightOrder.LOWER_FIRST) {
            byPriority.sort(Comparator.comparingInt(SrvTarget::priority).thenComparingInt(SrvTarget::weight));
            return byPriority;
        }
        List<SrvTarget> out = new ArrayList<>();
        int i = 0;
        while (i < byPriority.size()) {
            int p = byPriority.get(i).priority();
            List<SrvTarget> group = new ArrayList<>();
            while (i < byPriority.size() && byPriority.get(i).priority() == p) {
                group.add(byPriority.get(i++));
            }
            // RFC 2782: zero weights first, then draw by running sum
            group.sort(Comparator.comparingInt(t -> t.weight() == 0 ? 0 : 1));
            while (!group.isEmpty()) {
                long sum = 0;
                for (SrvTarget t : group) {
                    sum += t.weight();
                }
                long pick = sum == 0 ? 0 : random.nextLong(sum + 1);
                long run = 0;
                int chosen = 0;
                for (int k = 0; k < group.size(); k++) {
                    run += group.get(k).weight();
                    if (run >= pick) {
                        chosen = k;
                        break;
                    }
                }
                out.add(group.remove(chosen));
            }
        }
        return out;
    }
}
