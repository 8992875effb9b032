package org.mppfw.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleAddressTest {

    @TempDir
    Path dir;

    @Test
    void aShortDataDirHasItsSocketInAnOwnerOnlyRunDir() throws Exception {
        Path data = dir.resolve("phone");
        Files.createDirectories(data.resolve("run"));
        Files.setPosixFilePermissions(data.resolve("run"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path socket = ConsoleAddress.socketFor(data, Map.of());
        assertEquals(data.resolve("run/console.sock"), socket);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("run"))));

        ConsoleAddress.publish(data, socket);
        assertEquals(Optional.of(socket), ConsoleAddress.published(data));
        ConsoleAddress.withdraw(data, socket);
        assertEquals(Optional.empty(), ConsoleAddress.published(data));
    }

    @Test
    void aLongDataDirHasItsSocketInAShortRuntimeDir() throws Exception {
        Path data = dir.resolve("d".repeat(70)).resolve("p".repeat(40));
        Path runtime = Files.createDirectories(dir.resolve("xdg"));
        Path socket = ConsoleAddress.socketFor(data, Map.of("XDG_RUNTIME_DIR", runtime.toString()));
        assertTrue(socket.startsWith(runtime.resolve("mppfw")), socket.toString());
        assertTrue(ConsoleAddress.fits(socket), socket.toString());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
        assertEquals(socket, ConsoleAddress.socketFor(data, Map.of("XDG_RUNTIME_DIR", runtime.toString())),
                "the same data dir, the same place");
        assertNotEquals(socket, ConsoleAddress.socketFor(data.resolveSibling("other"),
                Map.of("XDG_RUNTIME_DIR", runtime.toString())), "another data dir, another place");
    }

    @Test
    void withoutARuntimeDirTheFallbackIsUnderTmpPerUser() throws Exception {
        Path data = dir.resolve("d".repeat(70)).resolve("p".repeat(40));
        Path socket = ConsoleAddress.socketFor(data, Map.of());
        assertTrue(socket.getParent().getParent().getFileName().toString().startsWith("mppfw-"), socket.toString());
        assertTrue(ConsoleAddress.fits(socket), socket.toString());
    }
}
