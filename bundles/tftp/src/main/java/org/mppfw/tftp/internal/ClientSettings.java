package org.mppfw.tftp.internal;

import java.time.Duration;

/**
 * How the client retransmits and which source ports it uses.
 *
 * @param retries consecutive timeouts tolerated before a transfer fails
 * @param initialRto retransmission timeout before the first round-trip sample
 * @param minRto lower bound of the adaptive retransmission timeout
 * @param maxRto upper bound, reached by doubling on each consecutive timeout
 * @param firstSourcePort first source port used when the server is not on port 69 (0: any)
 * @param lastSourcePort last such source port
 */
public record ClientSettings(int retries, Duration initialRto, Duration minRto, Duration maxRto,
        int firstSourcePort, int lastSourcePort) {

    /** 7 retries, RTO 1 s at first, adaptive within 200 ms..8 s, source ports 53240-53245. */
    public static final ClientSettings DEFAULT = new ClientSettings(7, Duration.ofSeconds(1),
            Duration.ofMillis(200), Duration.ofSeconds(8), 53240, 53245);

    public ClientSettings {
        if (retries < 0 || minRto.isNegative() || minRto.isZero() || maxRto.compareTo(minRto) < 0) {
            throw new IllegalArgumentException("bad retransmission settings");
        }
        if (firstSourcePort < 0 || lastSourcePort > 65535 || (firstSourcePort != 0 && lastSourcePort < firstSourcePort)) {
            throw new IllegalArgumentException("bad source port range " + firstSourcePort + "-" + lastSourcePort);
        }
    }
}
