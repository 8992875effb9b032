package org.mppfw.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle lines of a slot's manifest and the check of its jars. */
class SlotManifestTest {

    /** The SHA-256 of "abc" (FIPS 180-2, appendix B.1). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path slot;

    private SlotManifest.Bundle jar(String file, String content, int level) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        Files.createDirectories(slot.resolve("bundles"));
        Files.write(slot.resolve("bundles").resolve(file), bytes);
        return new SlotManifest.Bundle(file, "org." + file.replace(".jar", ""), "1.0.0", level, bytes.length,
                Sha256.of(slot.resolve("bundles").resolve(file)));
    }

    @Test
    void aLineReadsBackAsWritten() {
        SlotManifest.Bundle b = new SlotManifest.Bundle("mppfw-api.jar", "org.mppfw.api", "12.0.1.v2", 2, 4096, ABC);
        assertEquals("bundle.3=mppfw-api.jar org.mppfw.api 12.0.1.v2 2 4096 " + ABC, b.line(3));
        String line = b.line(3);
        assertEquals(b, SlotManifest.Bundle.parse("bundle.3", line.substring(line.indexOf('=') + 1)));
        assertEquals("bundles/mppfw-api.jar", b.entryName());
        assertEquals(slot.resolve("bundles").resolve("mppfw-api.jar"), b.jar(slot));
    }

    @Test
    void aMalformedLineIsRefusedSayingWhy() {
        String ok = "a.jar org.a 1.0.0 2 10 " + ABC;
        assertEquals(2, SlotManifest.Bundle.parse("bundle.1", ok).startLevel());
        assertRefused("bundle.1 is not 'FILE BSN VERSION START-LEVEL SIZE SHA-256'", "a.jar org.a 1.0.0 2 10");
        assertRefused("bundle.1 is not 'FILE BSN VERSION START-LEVEL SIZE SHA-256'", ok + " ");
        assertRefused("bundle.1: '../a.jar' is not a bundle file name", "../a.jar org.a 1.0.0 2 10 " + ABC);
        assertRefused("bundle.1: '.a.jar' is not a bundle file name", ".a.jar org.a 1.0.0 2 10 " + ABC);
        assertRefused("bundle.1: 'a.txt' is not a bundle file name", "a.txt org.a 1.0.0 2 10 " + ABC);
        assertRefused("bundle.1: bad symbolic name or version", "a.jar org=a 1.0.0 2 10 " + ABC);
        assertRefused("bundle.1: the SHA-256 is not 64 lower-case hex digits", "a.jar org.a 1.0.0 2 10 " + ABC.toUpperCase());
        assertRefused("bundle.1: the SHA-256 is not 64 lower-case hex digits", "a.jar org.a 1.0.0 2 10 " + ABC.substring(1));
        assertRefused("bundle.1: start level and size are numbers", "a.jar org.a 1.0.0 two 10 " + ABC);
        assertRefused("bundle.1: start level and size are numbers", "a.jar org.a 1.0.0 2 ten " + ABC);
        assertRefused("bundle.1: start level or size out of range", "a.jar org.a 1.0.0 0 10 " + ABC);
        assertRefused("bundle.1: start level or size out of range", "a.jar org.a 1.0.0 101 10 " + ABC);
        assertRefused("bundle.1: start level or size out of range", "a.jar org.a 1.0.0 2 -1 " + ABC);
    }

    private static void assertRefused(String message, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlotManifest.Bundle.parse("bundle.1", value));
        assertEquals(message, e.getMessage());
    }

    @Test
    void onlyPlainJarNamesAreBundleFileNames() {
        assertTrue(SlotManifest.isBundleFileName("org.apache.felix.scr.jar"));
        assertTrue(SlotManifest.isBundleFileName("bcprov-jdk18on+1.jar"));
        for (String bad : List.of("a.zip", "bundles/a.jar", "..jar", "-a.jar", "a b.jar", "a\\b.jar", "")) {
            assertFalse(SlotManifest.isBundleFileName(bad), bad);
        }
    }

    @Test
    void aJarMatchesItsLineOnlyWithTheSameSizeAndHash() throws Exception {
        SlotManifest.Bundle b = jar("x.jar", "abc", 2);
        assertEquals(ABC, b.sha256());
        assertTrue(b.matches(b.jar(slot)));
        Files.writeString(b.jar(slot), "abd"); // same size, other bytes
        assertFalse(b.matches(b.jar(slot)));
        Files.writeString(b.jar(slot), "abcd");
        assertFalse(b.matches(b.jar(slot)));
        Files.delete(b.jar(slot));
        assertThrows(NoSuchFileException.class, () -> b.matches(b.jar(slot)));
    }

    @Test
    void readsTheVersionAndTheBundleLinesOfASlot() throws Exception {
        SlotManifest.Bundle a = jar("a.jar", "first", 1);
        SlotManifest.Bundle b = jar("b.jar", "second", 2);
        Files.writeString(slot.resolve(SlotManifest.FILE), "# mppfw firmware image manifest\nformat=1\n"
                + "version=sip88xx.12-0-2MPP0001-1\nmodels=CP-8845-3PCC\nmin-version=\n" + a.line(1) + "\n"
                + b.line(2) + "\n");
        SlotManifest m = SlotManifest.read(slot);
        assertEquals("sip88xx.12-0-2MPP0001-1", m.version());
        assertEquals("12-0-2MPP0001-1", m.release());
        assertEquals(List.of(a, b), m.bundles());
        assertEquals(List.of(new BundleList.Entry(1, "bundles/a.jar"), new BundleList.Entry(2, "bundles/b.jar")),
                m.entries());
    }

    @Test
    void aManifestWithoutVersionOrBundleOrWithABadLineIsRefused() throws Exception {
        SlotManifest.Bundle a = jar("a.jar", "first", 2);
        Files.writeString(slot.resolve(SlotManifest.FILE), "format=1\n" + a.line(1) + "\n");
        assertThrows(IllegalArgumentException.class, () -> SlotManifest.read(slot));
        Files.writeString(slot.resolve(SlotManifest.FILE), "format=1\nversion=sip88xx.12-0-2MPP0001-1\n");
        assertThrows(IllegalArgumentException.class, () -> SlotManifest.read(slot));
        Files.writeString(slot.resolve(SlotManifest.FILE), "version=sip88xx.12-0-2MPP0001-1\nbundle.1=a.jar\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SlotManifest.read(slot));
        assertTrue(e.getMessage().startsWith("bundle.1 "), e.getMessage());
        Files.write(slot.resolve(SlotManifest.FILE), new byte[] {'v', '=', (byte) 0xe9});
        assertThrows(IOException.class, () -> SlotManifest.read(slot));
        Files.delete(slot.resolve(SlotManifest.FILE));
        assertThrows(NoSuchFileException.class, () -> SlotManifest.read(slot));
    }
}
