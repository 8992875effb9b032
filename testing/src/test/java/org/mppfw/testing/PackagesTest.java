package org.mppfw.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every Debian package a test may ask for is one that {@code scripts/test} installs. */
class PackagesTest {

    @Test
    void everyPackageNamedForAMissingPeerIsInTheListsScriptsTestInstalls() throws IOException {
        Path lists = Repo.root().resolve("scripts/packages");
        Set<String> listed = new HashSet<>();
        try (Stream<Path> files = Files.list(lists)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                if (n.endsWith(".txt") && !n.endsWith(".npm.txt")) {
                    Files.readAllLines(f).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .forEach(listed::add);
                }
            }
        }
        Set<String> named = new TreeSet<>(Peer.PACKAGES.values());
        named.add(Nginx.ECHO_PACKAGE);
        named.add(Squid.PACKAGE);
        named.removeAll(listed);
        assertTrue(named.isEmpty(), "not in any list of " + lists + ": " + named);
    }
}
