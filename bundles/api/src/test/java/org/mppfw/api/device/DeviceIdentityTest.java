package org.mppfw.api.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeviceIdentityTest {

    private static DeviceIdentity phone(String model, String firmware) {
        return new DeviceIdentity() {
            @Override
            public String model() {
                return model;
            }

            @Override
            public String productSeries() {
                return model.replaceFirst("^CP-", "");
            }

            @Override
            public String mac() {
                return "00562b043615";
            }

            @Override
            public String serialNumber() {
                return "FCH12345678";
            }

            @Override
            public String hardwareVersion() {
                return "4";
            }

            @Override
            public String firmwareVersion() {
                return firmware;
            }
        };
    }

    @Test
    void productVersionIsTheDottedFirmwareOfTheModel() {
        assertEquals("Cisco-CP-8845-3PCC/12.0.1", phone("CP-8845-3PCC", "sip8845.12-0-1MPP0001-1").productVersion());
        assertEquals("Cisco-CP-7832-3PCC/11.0.1", phone("CP-7832-3PCC", "sip7832.11-0-1MPP0001-15").productVersion());
        assertEquals("Cisco-CP-8851-3PCC/11.3.7", phone("CP-8851-3PCC", "sip8845.11-3-7MPP0001-609.loads").productVersion());
        assertEquals("Cisco-CP-8845-3PCC/12.0.2", phone("CP-8845-3PCC", "12.0.2").productVersion());
    }

    @Test
    void aFirmwareVersionWithoutThreeNumbersIsGivenAsItIs() {
        assertEquals("Cisco-CP-8845-3PCC/lab-build", phone("CP-8845-3PCC", "sip8845.lab-build").productVersion());
        assertEquals("Cisco-CP-8845-3PCC/12-0", phone("CP-8845-3PCC", "12-0").productVersion());
    }
}
