package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.layout.FirmwareState;

/** The boot decision: which set the launcher boots for every state record, and what it writes back. */
class FirmwareSetsTest {

    @TempDir
    Path image;
    @TempDir
    Path data;

    @BeforeEach
    void factoryImage() throws Exception {
        Files.createDirectories(image.resolve("etc"));
        Files.createDirectories(image.resolve("bundles"));
        Files.write(image.resolve("bundles/a.jar"), new byte[] {1});
        Files.writeString(image.resolve("etc/bundles.list"), "2 bundles/a.jar\n");
    }

    /** A slot holding one jar, with a manifest that matches it unless {@code damaged}. */
    private void slot(String name, String release, boolean damaged) throws Exception {
        Path root = data.resolve("firmware/slots").resolve(name);
        Files.createDirectories(root.resolve("bundles"));
        byte[] jar = ("jar of " + release).getBytes(StandardCharsets.US_ASCII);
        Files.write(root.resolve("bundles/x.jar"), jar);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar));
        if (damaged) {
            Files.write(root.resolve("bundles/x.jar"), "changed".getBytes(StandardCharsets.US_ASCII));
        }
        Files.writeString(root.resolve("manifest.properties"), "format=1\nversion=sip88xx." + release
                + "\nmodels=CP-8845-3PCC\nmin-version=\nbundle.1=x.jar org.x 1.0.0 2 " + jar.length + " " + sha + "\n");
    }

    private void state(String text) throws Exception {
        Files.createDirectories(data.resolve("firmware"));
        Files.writeString(data.resolve(FirmwareState.FILE), text);
    }

    @Test
    void aNewPhoneBootsTheFactorySetAndRecordsIt() throws Exception {
        FirmwareSets.BootSet s = FirmwareSets.choose(image, data, "12-0-1MPP0001-1", false, false);
        assertEquals("factory", s.name());
        assertEquals(image, s.root());
        assertEquals("12-0-1MPP0001-1", s.release());
        assertFalse(s.trial());
        FirmwareState st = FirmwareState.read(data);
        assertEquals("factory", st.active());
        assertEquals("factory", st.running());
    }

    @Test
    void theCommittedSlotIsBooted() throws Exception {
        slot("a", "12-0-2MPP0001-1", false);
        state("active=a\nprevious=factory\nrunning=a\n");
        FirmwareSets.BootSet s = FirmwareSets.choose(image, data, "12-0-1MPP0001-1", false, false);
        assertEquals("a", s.name());
        assertEquals("12-0-2MPP0001-1", s.release());
        assertEquals("bundles/x.jar", s.entries().get(0).path());
        assertEquals(2, s.entries().get(0).startLevel());
    }

    @Test
    void aPendingSlotUsesOneBootAttemptEachTimeThenTheCommittedSetComesBack() throws Exception {
        slot("b", "12-0-3MPP0001-1", false);
        state("active=factory\npending=b\nattempts=2\nrunning=factory\n");
        for (int left = 1; left >= 0; left--) {
            FirmwareSets.BootSet s = FirmwareSets.choose(image, data, "12-0-1MPP0001-1", false, false);
            assertEquals("b", s.name());
            assertTrue(s.trial());
            assertEquals(left, FirmwareState.read(data).attempts());
            assertEquals("b", FirmwareState.read(data).running());
        }
        FirmwareSets.BootSet s = FirmwareSets.choose(image, data, "12-0-1MPP0001-1", false, false);
        assertEquals("factory", s.name());
        FirmwareState st = FirmwareState.read(data);
        assertNull(st.pending());
        assertTrue(st.note().contains("did not come up"), st.note());
    }

    @Test
    void aDamagedPendingSlotIsNeverBooted() throws Exception {
        slot("a", "12-0-2MPP0001-1", false);
        slot("b", "12-0-3MPP0001-1", true);
        state("active=a\npending=b\nattempts=3\nrunning=a\n");
        FirmwareSets.BootSet s = FirmwareSets.choose(image, data, "12-0-1MPP0001-1", false, false);
        assertEquals("a", s.name());
        assertFalse(s.trial());
        assertTrue(FirmwareState.read(data).note().contains("x.jar does not match its manifest"));
    }

    @Test
    void aDamagedCommittedSlotFallsBackToTheFactorySet() throws Exception {
        slot("a", "12-0-2MPP0001-1", true);
        state("active=a\nrunning=a\n");
        FirmwareSets.BootSet s = FirmwareSets.choose(image, data, "12-0-1MPP0001-1", false, false);
        assertEquals("factory", s.name());
        assertEquals("factory", FirmwareState.read(data).active());
    }

    @Test
    void aMissingSlotOrGarbledRecordBootsSomethingWhole() throws Exception {
        state("active=b\nrunning=b\n");
        assertEquals("factory", FirmwareSets.choose(image, data, "r", false, false).name());
        state("\u0000\u0001garbage=\\u00zz\n");
        assertEquals("factory", FirmwareSets.choose(image, data, "r", false, false).name());
    }

    @Test
    void abandoningATrialDropsThePendingSet() throws Exception {
        slot("a", "12-0-2MPP0001-1", false);
        state("active=factory\npending=a\nattempts=3\nrunning=factory\n");
        assertEquals("a", FirmwareSets.choose(image, data, "r", false, false).name());
        FirmwareSets.abandonTrial(data, "org.x (INSTALLED)");
        FirmwareState st = FirmwareState.read(data);
        assertNull(st.pending());
        assertTrue(st.note().contains("failed at boot: org.x (INSTALLED)"));
        assertEquals("factory", FirmwareSets.choose(image, data, "r", false, false).name());
    }

    @Test
    void aCommandRunBootsWhatAPowerOnWouldButSpendsNoAttemptAndGivesNothingUp() throws Exception {
        slot("a", "12-0-2MPP0001-1", false);
        state("active=factory\npending=a\nattempts=2\nrunning=factory\n");
        for (int i = 0; i < 3; i++) {
            FirmwareSets.BootSet s = FirmwareSets.choose(image, data, "r", true, false);
            assertEquals("a", s.name());
            assertTrue(s.trial());
        }
        FirmwareState st = FirmwareState.read(data);
        assertEquals(2, st.attempts(), "no attempt spent");
        assertEquals("a", st.pending());
        // the set on trial failed to boot in this command run: the committed one runs, the record keeps the trial
        assertEquals("factory", FirmwareSets.choose(image, data, "r", true, true).name());
        st = FirmwareState.read(data);
        assertEquals("a", st.pending());
        assertEquals(2, st.attempts());
        assertNull(st.note());
        // with no attempt left a command run boots the committed set and leaves the decision to the power-on
        state("active=factory\npending=a\nattempts=0\nrunning=factory\n");
        assertEquals("factory", FirmwareSets.choose(image, data, "r", true, false).name());
        assertEquals("a", FirmwareState.read(data).pending());
    }

    @Test
    void aBootLoopFallsBackFromTheTrialToTheCommittedSetThenToTheFactorySet() throws Exception {
        slot("a", "12-0-2MPP0001-1", false);
        slot("b", "12-0-3MPP0001-1", false);
        state("active=a\nprevious=factory\npending=b\nattempts=2\nrunning=b\n");
        String first = FirmwareSets.fallBackFromLoop(data);
        assertTrue(first.contains("gave up the firmware on trial in slot b"), first);
        assertEquals("a", FirmwareSets.choose(image, data, "r", false, false).name());
        String second = FirmwareSets.fallBackFromLoop(data);
        assertTrue(second.contains("from the committed firmware in slot a to the factory set"), second);
        assertEquals("factory", FirmwareSets.choose(image, data, "r", false, false).name());
        assertEquals("a", FirmwareState.read(data).previous(), "the slot stays there for a rollback or a later upgrade");
        assertTrue(FirmwareSets.fallBackFromLoop(data).contains("nothing left to fall back to"));
    }
}
