package org.mppfw.api.discovery;

import java.util.Objects;

/**
 * One provisioning server a DHCP option names.
 *
 * @param option the DHCP option it came from (66, 160, 159, 150), or 0 for the static configuration
 * @param value  a host name or IP address ({@link #isUrl()} false), or a full URL that may hold
 *               macros such as {@code $PSN} ({@link #isUrl()} true)
 */
public record ProvisioningSource(int option, String value) {

    public ProvisioningSource {
        Objects.requireNonNull(value);
    }

    /** True when the option carries a whole URL ({@code scheme://...}), false for a bare server. */
    public boolean isUrl() {
        return value.contains("://");
    }

    /** {@code option 66: 10.0.0.1}. */
    @Override
    public String toString() {
        return "option " + option + ": " + value;
    }
}
