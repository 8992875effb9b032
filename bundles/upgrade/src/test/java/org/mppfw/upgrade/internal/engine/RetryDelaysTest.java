package org.mppfw.upgrade.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.api.provisioning.ProvisioningUrl;

class RetryDelaysTest {

    private final Random random = new Random(1);

    @Test
    void theNthFailureTakesTheNthItemAndTheLastRepeats() {
        RetryDelays d = RetryDelays.parse("30, 60,120+30");
        assertEquals(Duration.ofSeconds(30), d.after(1, random));
        assertEquals(Duration.ofSeconds(60), d.after(2, random));
        for (int i = 3; i < 10; i++) {
            long s = d.after(i, random).toSeconds();
            assertTrue(s >= 120 && s <= 150, "120 plus up to 30: " + s);
        }
    }

    @Test
    void zeroMeansNoRetryAndGarbageIsTheCiscoDefault() {
        assertNull(RetryDelays.parse("0").after(1, random));
        assertEquals(Duration.ofSeconds(3600), RetryDelays.parse("soon").after(1, random));
        assertEquals(Duration.ofSeconds(3600), RetryDelays.parse("").after(4, random));
        assertEquals(Duration.ofSeconds(3600), RetryDelays.parse(null).after(1, random));
    }

    @Test
    void theVersionInAnImagesFileName() {
        assertEquals(0, FirmwareVersion.parse("12-0-2MPP0001-1")
                .compareTo(Firmware.versionInName("/fw/sip88xx.12-0-2MPP0001-1.loads")));
        assertEquals(0, FirmwareVersion.parse("11-3-1MPP-678").compareTo(Firmware.versionInName("/sip7832.11-3-1MPP-678.loads")));
        assertNull(Firmware.versionInName("/firmware/latest.loads"));
        assertNull(Firmware.versionInName("/"));
    }

    @Test
    void theEffectiveUrlHasSchemeServerPortAndPath() {
        assertEquals("http://fw.example.com:8080/a/b.loads", RulePolicy.effectiveUrl(
                new ProvisioningUrl(ProvisioningUrl.Scheme.HTTP, "fw.example.com", 8080, "/a/b.loads")));
        assertEquals("tftp://[fd00::1]:69/x.loads", RulePolicy.effectiveUrl(
                new ProvisioningUrl(ProvisioningUrl.Scheme.TFTP, "fd00::1", 69, "/x.loads")));
    }
}
