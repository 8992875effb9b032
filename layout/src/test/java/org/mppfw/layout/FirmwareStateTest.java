package org.mppfw.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareStateTest {

    @TempDir
    Path data;

    @Test
    void aRecordSurvivesItsOwnWriteAndLeavesNoTempFile() throws Exception {
        FirmwareState st = FirmwareState.initial().withPending("a", FirmwareState.BOOT_ATTEMPTS).withRunning("a")
                .withNote("first line\nsecond \\ line");
        st.write(data);
        FirmwareState back = FirmwareState.read(data);
        assertEquals("a", back.pending());
        assertEquals(3, back.attempts());
        assertEquals("first line second / line", back.note());
        assertTrue(Files.notExists(data.resolve(FirmwareState.FILE + ".tmp")));
        FirmwareState committed = back.committed("a");
        assertEquals("a", committed.active());
        assertEquals("factory", committed.previous());
        assertNull(committed.pending());
        assertEquals("b", committed.freeSlot());
    }

    @Test
    void aDamagedRecordBootsTheFactorySetAndSaysWhy() throws Exception {
        Files.createDirectories(data.resolve("firmware"));
        Files.writeString(data.resolve(FirmwareState.FILE), "active=../../etc\npending=c\n");
        List<String> problems = new ArrayList<>();
        FirmwareState st = FirmwareState.read(data, problems::add);
        assertEquals(FirmwareState.initial(), st);
        assertTrue(problems.get(0).contains("unknown active set '../../etc'"), problems.toString());
    }

    @Test
    void anUnarmedFaultPointDoesNothing() {
        System.clearProperty(FaultPoint.PROPERTY);
        FaultPoint.reach(FaultPoint.SWAP_STEP); // returns: the JVM is still here
        assertNull(System.getProperty(FaultPoint.PROPERTY + ".count." + FaultPoint.SWAP_STEP));
    }
}
