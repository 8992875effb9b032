package org.mppfw.api.device;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who the phone is. Set on the first boot (launcher options or a file in the data dir),
 * persisted, and read by macros ({@code $MA}, {@code $PN}, {@code $PSN}, {@code $SN},
 * {@code $HWVER}, {@code $SWVER}) and the User-Agent.
 */
@ProviderType
public interface DeviceIdentity {

    /** The model, {@code CP-8845-3PCC}; also {@code $PN}. */
    String model();

    /** The product series, {@code 8845-3PCC}; {@code $PSN}. */
    String productSeries();

    /** The MAC address, 12 lower-case hex digits without separators; {@code $MA}. */
    String mac();

    /** The serial number; {@code $SN}. */
    String serialNumber();

    /** The hardware version; {@code $HWVER}. */
    String hardwareVersion();

    /** The running firmware version in Cisco's format, {@code sip8845.12-0-1MPP0001-1}; {@code $SWVER}. */
    String firmwareVersion();

    /** The MAC in upper case; {@code $MAU}. */
    default String macUpper() {
        return mac().toUpperCase(java.util.Locale.ROOT);
    }

    /** The MAC with colons, {@code 00:0e:08:01:23:45}; {@code $MAC}. */
    default String macWithColons() {
        String m = mac();
        StringBuilder b = new StringBuilder(17);
        for (int i = 0; i < m.length(); i += 2) {
            if (i > 0) {
                b.append(':');
            }
            b.append(m, i, i + 2);
        }
        return b.toString();
    }
}
