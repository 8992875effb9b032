package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.device.DeviceProperties;

class DeviceIdentityTest {

    @TempDir
    Path dir;

    @Test
    void firstBootTakesTheOptionsAndLaterBootsTheFile() throws Exception {
        Map<String, String> props = Map.of(DeviceProperties.MODEL, "CP-6841-3PCC", DeviceProperties.MAC,
                "00:0E:08:01:23:45", DeviceProperties.SERIAL, "FCH1234ABCD", DeviceProperties.HARDWARE_VERSION, "3",
                DeviceProperties.FIRMWARE_VERSION, "sip6841.12-0-1MPP0001-7");
        DeviceIdentityImpl id = new DeviceIdentityImpl(dir, props::get);
        assertEquals("CP-6841-3PCC", id.model());
        assertEquals("6841-3PCC", id.productSeries());
        assertEquals("000e08012345", id.mac());
        assertEquals("000E08012345", id.macUpper());
        assertEquals("00:0e:08:01:23:45", id.macWithColons());
        assertEquals("FCH1234ABCD", id.serialNumber());
        assertEquals("3", id.hardwareVersion());
        assertEquals("sip6841.12-0-1MPP0001-7", id.firmwareVersion());

        // a later boot with other options keeps the identity; the firmware is the running one
        Map<String, String> later = Map.of(DeviceProperties.MODEL, "CP-8845-3PCC", DeviceProperties.MAC,
                "aa-bb-cc-dd-ee-ff", DeviceProperties.FIRMWARE_VERSION, "sip6841.12-0-1MPP0001-8");
        DeviceIdentityImpl again = new DeviceIdentityImpl(dir, later::get);
        assertEquals("CP-6841-3PCC", again.model());
        assertEquals("000e08012345", again.mac());
        assertEquals("FCH1234ABCD", again.serialNumber());
        assertEquals("sip6841.12-0-1MPP0001-8", again.firmwareVersion());
    }

    @Test
    void defaultsAndDerivedValues() throws Exception {
        DeviceIdentityImpl id = new DeviceIdentityImpl(dir, k -> null);
        assertEquals("CP-8845-3PCC", id.model());
        assertEquals("8845-3PCC", id.productSeries());
        assertEquals("1", id.hardwareVersion());
        assertEquals("sip8845.12-0-1MPP0001-1", id.firmwareVersion());
        assertTrue(id.mac().matches("[0-9a-f]{12}"), id.mac());
        int first = Integer.parseInt(id.mac().substring(0, 2), 16);
        assertEquals(0x02, first & 0x03, "locally administered unicast");
        assertEquals(DeviceIdentityImpl.serialFromMac(id.mac()), id.serialNumber());
        assertTrue(id.serialNumber().matches("FCH\\d{8}"));
        assertEquals(id.mac(), new DeviceIdentityImpl(dir, k -> null).mac(), "stable once persisted");
    }

    @Test
    void macNotations() {
        assertEquals("000e08012345", DeviceIdentityImpl.normalizeMac("000E.0801.2345"));
        assertEquals("000e08012345", DeviceIdentityImpl.normalizeMac("00-0e-08-01-23-45"));
        assertEquals("000e08012345", DeviceIdentityImpl.normalizeMac(" 000e08012345 "));
        assertNull(DeviceIdentityImpl.normalizeMac("000e0801234"));
        assertNull(DeviceIdentityImpl.normalizeMac("zz0e08012345"));
    }

    @Test
    void badMacOptionIsReplacedByADerivedOne() throws Exception {
        DeviceIdentityImpl id = new DeviceIdentityImpl(dir, Map.of(DeviceProperties.MAC, "not-a-mac")::get);
        assertTrue(id.mac().matches("[0-9a-f]{12}"));
    }

    @Test
    void unusableIdentityFileIsKeptAsideAndRecreated() throws Exception {
        Files.writeString(dir.resolve(DeviceIdentityImpl.FILE_NAME), "model=CP-8845-3PCC\nmac=xyz\n");
        DeviceIdentityImpl id = new DeviceIdentityImpl(dir, Map.of(DeviceProperties.MAC, "001122334455")::get);
        assertEquals("001122334455", id.mac());
        try (var l = Files.list(dir)) {
            assertEquals(1, l.filter(p -> p.getFileName().toString().startsWith("identity.properties.corrupt-")).count());
        }
    }
}
