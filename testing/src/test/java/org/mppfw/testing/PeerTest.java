package org.mppfw.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PeerTest {

    @Test
    void aMissingPeerFailsInCiAndIsSkippedElsewhereNamingItsPackage() {
        Throwable t = assertThrows(Throwable.class, () -> Peer.missing("nginx", "apt-get install nginx-light"));
        assertTrue(t.getMessage().startsWith("nginx is missing: apt-get install nginx-light"), t.getMessage());
        if (Peer.ci()) {
            assertEquals(AssertionError.class, t.getClass());
        } else {
            assertEquals(TestAbortedException.class, t.getClass());
        }
    }

    @Test
    void aProgramIsFoundOnThePathOrInTheSystemFolders() {
        assertNotNull(Peer.find("sh"));
        assertEquals(Path.of("/bin/sh"), Peer.find("/bin/sh"));
        assertNull(Peer.find("no-such-program-mppfw"));
        assertNull(Peer.find("/no/such/program"));
    }

    @Test
    void requireNamesTheDebianPackageOfAMissingProgram() {
        Throwable t = assertThrows(Throwable.class, () -> Peer.require("/no/such/dir/nginx"));
        assertTrue(t.getMessage().startsWith("nginx is missing: apt-get install nginx-light"), t.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Peer.packageOf("no-such-program-mppfw"));
    }
}
