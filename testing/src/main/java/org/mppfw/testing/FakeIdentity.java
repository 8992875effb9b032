package org.mppfw.testing;

import org.mppfw.api.device.DeviceIdentity;

/** A phone's identity as the tests choose it. */
public record FakeIdentity(String model, String productSeries, String mac, String serialNumber, String hardwareVersion,
        String firmwareVersion) implements DeviceIdentity {

    /** The firmware every test phone runs unless a test says otherwise. */
    public static final String FIRMWARE = "sip8845.12-0-1MPP0001-1";

    /** A CP-8845-3PCC with this MAC (12 hex digits), serial number and hardware version. */
    public static FakeIdentity cp8845(String mac, String serialNumber, String hardwareVersion) {
        return new FakeIdentity("CP-8845-3PCC", "8845-3PCC", mac, serialNumber, hardwareVersion, FIRMWARE);
    }
}
