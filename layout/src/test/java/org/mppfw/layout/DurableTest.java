package org.mppfw.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableTest {

    static final String COUNT = FaultPoint.PROPERTY + ".count." + FaultPoint.STATE_RENAME;

    @TempDir
    Path dir;

    @AfterEach
    void unarm() {
        System.clearProperty(FaultPoint.PROPERTY);
        System.clearProperty(COUNT);
    }

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void saveCreatesTheFolderReplacesTheFileAndLeavesNoTempFile() throws IOException {
        Path file = dir.resolve("a/b/state");
        Durable.save(file, "one\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("one\n", Files.readString(file));
        Durable.save(file, "two\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("two\n", Files.readString(file));
        assertEquals(file.resolveSibling("state.tmp"), Durable.tempOf(file));
        assertFalse(Files.exists(Durable.tempOf(file)));
        Durable.save(file, new byte[0]);
        assertEquals(0, Files.size(file));
    }

    @Test
    void aTempFileLeftByACrashIsReplacedNotReused() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("secret.xml");
        Path tmp = Durable.tempOf(file);
        Files.writeString(tmp, "half a write that was much longer than the new content");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-rw-rw-"));
        Durable.savePrivate(file, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(file));
        assertEquals("rw-------", mode(file));
        assertFalse(Files.exists(tmp));
    }

    @Test
    void savePrivateKeepsTheFileToItsOwner() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("params.xml");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Durable.savePrivate(file, "secret".getBytes(StandardCharsets.UTF_8));
        assertEquals("rw-------", mode(file));
        Durable.save(dir.resolve("plain"), new byte[1]);
        assertTrue(Files.isReadable(dir.resolve("plain")));
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws IOException {
        Path file = dir.resolve("state");
        Durable.save(file, "before".getBytes(StandardCharsets.UTF_8));
        // a folder where the temporary file goes cannot be replaced by a file
        Files.createDirectories(Durable.tempOf(file).resolve("blocker"));
        assertThrows(IOException.class, () -> Durable.save(file, "after".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> Durable.write(file, "after".getBytes(StandardCharsets.UTF_8)));
        assertEquals("before", Files.readString(file));
        // a target that is a folder: the synced temporary file is removed again
        Path folder = Files.createDirectories(dir.resolve("folder/inside"));
        assertThrows(IOException.class, () -> Durable.save(folder.getParent(), new byte[] {1}));
        assertFalse(Files.exists(Durable.tempOf(folder.getParent())));
    }

    @Test
    void onlyTheFirmwareLayoutsWritesReachTheStateRenameFaultPoint() throws IOException {
        System.setProperty(FaultPoint.PROPERTY, FaultPoint.TRACE);
        Path file = dir.resolve("firmware/state");
        Durable.save(file, "x".getBytes(StandardCharsets.UTF_8));
        Durable.savePrivate(file, "y".getBytes(StandardCharsets.UTF_8));
        assertNull(System.getProperty(COUNT), "save and savePrivate have no fault point");
        Durable.write(file, "z".getBytes(StandardCharsets.UTF_8));
        Durable.write(file, "w".getBytes(StandardCharsets.UTF_8));
        assertEquals("2", System.getProperty(COUNT));
        assertArrayEquals("w".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    }

    @Test
    void privateDirectoriesAreTheOwnersAndExistingOnesAreKept() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path d = dir.resolve("data/config");
        Durable.createPrivateDirectories(d);
        assertEquals("rwx------", mode(d));
        Durable.createPrivateDirectories(d);
        Files.writeString(dir.resolve("file"), "");
        assertThrows(IOException.class, () -> Durable.createPrivateDirectories(dir.resolve("file")));
        Path open = Files.createDirectories(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Durable.createPrivateDirectories(open);
        assertEquals("rwxr-xr-x", mode(open));
    }

    @Test
    void treesAreDeleted() throws IOException {
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("a/b/f"), "f");
        Files.writeString(tree.resolve("g"), "g");
        Durable.deleteTree(tree);
        assertFalse(Files.exists(tree));
        Durable.deleteTree(tree);

        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("a/b/f"), "f");
        assertEquals(0, Durable.deleteTreeAsFarAsPossible(tree));
        assertFalse(Files.exists(tree));
        assertEquals(0, Durable.deleteTreeAsFarAsPossible(tree));
    }
}
