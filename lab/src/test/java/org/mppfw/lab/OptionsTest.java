package org.mppfw.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaults() {
        LabServer.Options o = LabServer.Options.parse();
        assertEquals(Path.of("lab-root"), o.root());
        assertEquals("127.0.0.1", o.bind());
        assertNull(o.host());
        assertEquals(18080, o.http());
        assertEquals(18443, o.https());
        assertEquals(16969, o.tftp());
    }

    @Test
    void everyOptionBothSpellings() {
        LabServer.Options o = LabServer.Options.parse("--root", "/srv/lab", "--bind=127.0.0.2", "--host", "lab.local",
                "--http", "8080", "--https=8443", "--tftp", "6969");
        assertEquals(new LabServer.Options(Path.of("/srv/lab"), "127.0.0.2", "lab.local", 8080, 8443, 6969), o);
    }

    @Test
    void badArgumentsSayWhat() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabServer.Options.parse("--http", "x"))
                .getMessage().contains("--http"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabServer.Options.parse("--tftp", "70000"))
                .getMessage().contains("--tftp"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabServer.Options.parse("--root"))
                .getMessage().contains("--root"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabServer.Options.parse("--nope"))
                .getMessage().contains("--nope"));
    }

    @Test
    void usageNamesTheProfilesAndTheProfileRule() {
        for (String s : new String[] {"/bootstrap.xml", "/secure/MAC.xml", "/cfg/MAC.cfg", "/ece/MAC.xml",
            "/plain/MAC.xml", "lab-ca.pem", "Profile_Rule", "--root", "--bind", "--http", "--https", "--tftp"}) {
            assertTrue(LabServer.USAGE.contains(s), s);
        }
    }

    @Test
    void macsAreTwelveHexDigitsEitherCase() {
        assertEquals("0011aabbccdd", Profiles.mac("0011AABBccdd"));
        assertNull(Profiles.mac("0011aabbccd"));
        assertNull(Profiles.mac("0011aabbccddee"));
        assertNull(Profiles.mac("0011aabbccdg"));
    }
}
