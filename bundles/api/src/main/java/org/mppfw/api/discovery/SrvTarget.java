package org.mppfw.api.discovery;

import java.util.Objects;

/**
 * One target of a {@code _ciscoprov-*} SRV record.
 *
 * @param scheme   {@code https} for {@code _ciscoprov-https._tls}, {@code http} for {@code _ciscoprov-http._tcp}
 * @param host     the target host, without the trailing dot
 * @param port     the target port
 * @param priority the SRV priority (lower first)
 * @param weight   the SRV weight
 * @param domain   the domain looked up: the name an https target's certificate must hold
 */
public record SrvTarget(String scheme, String host, int port, int priority, int weight, String domain) {

    public SrvTarget {
        Objects.requireNonNull(scheme);
        Objects.requireNonNull(host);
        Objects.requireNonNull(domain);
    }

    /** {@code https://pr1.example.com:5060 (10 60)}. */
    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port + " (" + priority + " " + weight + ")";
    }
}
