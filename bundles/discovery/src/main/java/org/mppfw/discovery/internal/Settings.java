package org.mppfw.discovery.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** {@link DiscoveryConfig} with framework-property overrides, checked once. */
record Settings(Mode mode, String interfaceName, String vendorClass, Map<Integer, byte[]> staticOptions,
        List<InetSocketAddress> dnsServers, SrvResolver.WeightOrder weightOrder, boolean applyAddress, Duration dhcpWait,
        int dhcpTries, Duration retry) {

    enum Mode { OFF, DHCP, INFORM, STATIC }

    static final String PREFIX = "mppfw.discovery.";

    /**
     * @param framework framework properties, e.g. {@code BundleContext::getProperty}
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static Settings of(DiscoveryConfig c, Function<String, String> framework) {
        Function<String, String> v = name -> framework.apply(PREFIX + name);
        Mode mode = enumOf(Mode.class, pick(v.apply("mode"), c.mode()), "mode");
        String order = pick(v.apply("srvWeightOrder"), c.srvWeightOrder()).toLowerCase(Locale.ROOT);
        SrvResolver.WeightOrder wo = switch (order) {
            case "lower-first" -> SrvResolver.WeightOrder.LOWER_FIRST;
            case "rfc2782" -> SrvResolver.WeightOrder.RFC2782;
            default -> throw new IllegalArgumentException("srvWeightOrder: lower-first or rfc2782, not " + order);
        };
        String iface = pick(v.apply("interfaceName"), c.interfaceName());
        if ((mode == Mode.DHCP || mode == Mode.INFORM) && iface.isEmpty()) {
            throw new IllegalArgumentException("interfaceName: mode " + mode.name().toLowerCase(Locale.ROOT) + " needs one");
        }
        return new Settings(mode, iface, pick(v.apply("vendorClass"), c.vendorClass()),
                staticOptions(pick(v.apply("staticOptions"), c.staticOptions())),
                hostPorts(pick(v.apply("dnsServers"), c.dnsServers()), 53),
                wo, Boolean.parseBoolean(pick(v.apply("applyAddress"), Boolean.toString(c.applyAddress()))),
                Duration.ofMillis(positive(pick(v.apply("dhcpWaitMillis"), Integer.toString(c.dhcpWaitMillis())), "dhcpWaitMillis")),
                positive(pick(v.apply("dhcpTries"), Integer.toString(c.dhcpTries())), "dhcpTries"),
                Duration.ofSeconds(positive(pick(v.apply("retrySeconds"), Integer.toString(c.retrySeconds())), "retrySeconds")));
    }

    private static String pick(String framework, String config) {
        return framework != null ? framework.strip() : config == null ? "" : config.strip();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String s, String name) {
        try {
            return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": not '" + s + "'");
        }
    }

    private static int positive(String s, String name) {
        try {
            int i = Integer.parseInt(s);
            if (i > 0) {
                return i;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(name + ": a positive integer, not '" + s + "'");
    }

    /** {@code 66=10.0.0.1;150=10.0.0.1,10.0.0.2;160=http://x/y} as the option bytes a server would send. */
    static Map<Integer, byte[]> staticOptions(String s) {
        Map<Integer, byte[]> m = new LinkedHashMap<>();
        for (String pair : s.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("staticOptions: CODE=VALUE, not '" + pair + "'");
            }
            int code = positive(pair.substring(0, eq).strip(), "staticOptions code");
            String value = pair.substring(eq + 1).strip();
            if (code == 150) {
                String[] ips = value.split("[, ]+");
                byte[] b = new byte[4 * ips.length];
                for (int i = 0; i < ips.length; i++) {
                    System.arraycopy(ipv4(ips[i]), 0, b, 4 * i, 4);
                }
                m.put(code, b);
            } else if (code > 254) {
                throw new IllegalArgumentException("staticOptions: no DHCP option " + code);
            } else {
                m.put(code, value.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        return m;
    }

    private static byte[] ipv4(String s) {
        String[] p = s.strip().split("\\.");
        if (p.length != 4) {
            throw new IllegalArgumentException("staticOptions: option 150 takes IPv4 addresses, not '" + s + "'");
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int n;
            try {
                n = Integer.parseInt(p[i]);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 0 || n > 255) {
                throw new IllegalArgumentException("staticOptions: option 150 takes IPv4 addresses, not '" + s + "'");
            }
            b[i] = (byte) n;
        }
        return b;
    }

    /** {@code 127.0.0.1:15353, [::1]:53, 10.0.0.1}. */
    static List<InetSocketAddress> hostPorts(String s, int defaultPort) {
        List<InetSocketAddress> l = new ArrayList<>();
        for (String hp : s.split("[, ]+")) {
            if (hp.isBlank()) {
                continue;
            }
            String host = hp;
            int port = defaultPort;
            int colon = hp.lastIndexOf(':');
            if (hp.startsWith("[")) {
                int end = hp.indexOf(']');
                host = hp.substring(1, end);
                if (end + 1 < hp.length()) {
                    port = positive(hp.substring(end + 2), "dnsServers port");
                }
            } else if (colon > 0 && hp.indexOf(':') == colon) {
                host = hp.substring(0, colon);
                port = positive(hp.substring(colon + 1), "dnsServers port");
            }
            l.add(new InetSocketAddress(host, port));
        }
        return l;
    }
}
