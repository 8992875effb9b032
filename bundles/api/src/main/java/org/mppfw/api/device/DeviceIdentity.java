package org.mppfw.api.device;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who the phone is. Set on the first boot (launcher options or a file in the data dir),
 * persisted, and read by macros ({@code $MA}, {@code $PN}, {@code $PSN}, {@code $SN},
 * {@code $HWVER}, {@code $SWVER}, {@code $VERSION}) and the User-Agent.
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

    /**
     * The product and firmware as the User-Agent names them, {@code Cisco-CP-8845-3PCC/12.0.1};
     * {@code $VERSION}. The version is the dotted major.minor.micro of the running firmware
     * ({@code sip8845.12-0-1MPP0001-1} gives {@code 12.0.1}), the form provisioning servers parse;
     * a firmware version without that form is given as it is, without its model prefix.
     */
    default String productVersion() {
        String digits = model().replaceAll("^\\D*(\\d+).*$", "$1");
        String series = digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) ? model() : digits;
        String fw = firmwareVersion();
        int dot = fw.indexOf('.');
        String v = dot > 0 && fw.startsWith("sip") ? fw.substring(dot + 1) : fw;
        v = v.endsWith(".loads") ? v.substring(0, v.length() - 6) : v;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)[-.](\\d+)[-.](\\d+)").matcher(v);
        return "Cisco-CP-" + series + "-3PCC/" + (m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : v);
    }
}
