package org.mppfw.layout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the running phone of a data dir takes commands: a Unix domain socket in the data dir's
 * {@value #RUN_DIR} folder (mode 0700, so only the data dir's owner reaches the socket), else, when
 * that path is longer than a socket address may be ({@value #MAX_PATH_BYTES} bytes), in a short
 * folder of its own: {@code $XDG_RUNTIME_DIR/mppfw/HASH}, or {@code /tmp/mppfw-UID/HASH} (HASH: of
 * the data dir's path), each folder 0700 and checked to be the user's. The phone writes the path it
 * listens on to {@code run/console.address}, so a client whose environment differs finds it.
 */
public final class ConsoleAddress {

    /** The data dir's folder of the running phone's files (lock, PID, console). */
    public static final String RUN_DIR = "run";
    /** The longest socket path: the kernel's {@code sun_path} is 108 bytes with its final NUL. */
    public static final int MAX_PATH_BYTES = 107;

    static final String SOCKET = "console.sock";
    static final String ADDRESS = "console.address";

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private ConsoleAddress() {
    }

    /** The data dir's {@value #RUN_DIR} folder, made if needed, mode 0700, the user's own. */
    public static Path runDir(Path dataDir) throws IOException {
        return privateDir(dataDir.toAbsolutePath().resolve(RUN_DIR));
    }

    /** The socket path for the phone of {@code dataDir}, its folder ready (0700, the user's). */
    public static Path socketFor(Path dataDir, Map<String, String> env) throws IOException {
        Path inData = dataDir.toAbsolutePath().normalize().resolve(RUN_DIR).resolve(SOCKET);
        if (fits(inData)) {
            runDir(dataDir);
            return inData;
        }
        java.security.MessageDigest digest = Sha256.digest();
        digest.update(dataDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        String hash = Sha256.hex(digest).substring(0, 16);
        String xdg = env.get("XDG_RUNTIME_DIR");
        Path root = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() && Files.isDirectory(Path.of(xdg))
                ? Path.of(xdg).resolve("mppfw")
                : Path.of(System.getProperty("java.io.tmpdir", "/tmp")).resolve("mppfw-" + uid());
        Path socket = privateDir(privateDir(root).resolve(hash)).resolve(SOCKET);
        if (!fits(socket)) {
            throw new IOException("no socket path short enough for the data dir " + dataDir);
        }
        return socket;
    }

    /** Records where the phone of {@code dataDir} listens. */
    public static void publish(Path dataDir, Path socket) throws IOException {
        Durable.savePrivate(runDir(dataDir).resolve(ADDRESS), (socket + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Where the phone of {@code dataDir} said it listens, if it did. */
    public static Optional<Path> published(Path dataDir) throws IOException {
        try {
            String s = Files.readString(dataDir.toAbsolutePath().resolve(RUN_DIR).resolve(ADDRESS), StandardCharsets.UTF_8)
                    .strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(Path.of(s));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Removes the record and the socket (the phone stops taking commands). */
    public static void withdraw(Path dataDir, Path socket) throws IOException {
        Files.deleteIfExists(dataDir.toAbsolutePath().resolve(RUN_DIR).resolve(ADDRESS));
        Files.deleteIfExists(socket);
    }

    static boolean fits(Path socket) {
        return socket.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES;
    }

    /** Makes {@code dir} (mode 0700) or checks that it is the user's own and sets its mode to 0700. */
    static Path privateDir(Path dir) throws IOException {
        if (POSIX && !Files.isDirectory(dir)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made by someone else in between: checked below
            }
        }
        Files.createDirectories(dir);
        if (POSIX) {
            UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (Files.isSymbolicLink(dir) || !Files.getOwner(dir).equals(me)) {
                throw new IOException(dir + " is not " + me.getName() + "'s own folder");
            }
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
        return dir;
    }

    private static String uid() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("user.name");
        }
    }
}
