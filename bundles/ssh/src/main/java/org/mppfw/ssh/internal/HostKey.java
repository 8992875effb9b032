package org.mppfw.ssh.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The phone's SSH host key: an ECDSA P-256 key made on the first start and kept in
 * {@code <data>/ssh/host_key}, so that clients see the same host on every boot. The folder is
 * the owner's only ({@code rwx------}) before the key is written, and the key file
 * {@code rw-------}.
 */
final class HostKey {

    static final String DIR = "ssh";
    static final String FILE = "host_key";
    static final String AUTHORIZED_KEYS = "authorized_keys";

    private HostKey() {
    }

    /** The folder of the host key and of {@code authorized_keys}, made owner-only. */
    static Path folder(Path dataDir) throws IOException {
        Path dir = dataDir.resolve(DIR);
        Files.createDirectories(dir);
        ownerOnly(dir, PosixFilePermissions.fromString("rwx------"));
        return dir;
    }

    /** Loads the host key, making it first when there is none. */
    static KeyPairProvider load(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(file);
        provider.setAlgorithm(KeyUtils.EC_ALGORITHM);
        provider.setKeySize(256);
        // reads the key, or makes and writes it (into the owner-only folder) on the first start
        provider.loadKeys(null);
        ownerOnly(file, PosixFilePermissions.fromString("rw-------"));
        return provider;
    }

    private static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing finer to set
        }
    }
}
