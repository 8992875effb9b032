package org.mppfw.api.device;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The device's client certificate, the one the phone presents in mutual TLS (on a real phone, the
 * certificate installed at manufacturing). Registered by the bundle that holds it; {@code $CCERT}
 * is {@code Installed} while it {@link #installed() is}, else {@code Not Installed}.
 *
 * @since 1.3
 */
@ProviderType
public interface DeviceCertificate {

    /** Whether the phone has a device certificate now. */
    boolean installed();
}
