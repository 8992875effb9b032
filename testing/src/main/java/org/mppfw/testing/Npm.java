package org.mppfw.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * npm packages the tests cross-check against ({@code http_ece}), installed by {@code scripts/test}
 * into {@code .cache/npm} of the repository, or under the system property {@code mppfw.npm.prefix}.
 */
public final class Npm {

    private Npm() {
    }

    /**
     * The {@code node_modules} folder holding {@code pkg} (for {@code NODE_PATH}); when node or the
     * package is missing, fails (CI) or skips the test, naming what to install.
     */
    public static Path modules(String pkg) {
        Peer.require("node");
        String prefix = System.getProperty("mppfw.npm.prefix");
        Path root = prefix != null && !prefix.isBlank() ? Path.of(prefix) : Repo.root().resolve(".cache/npm");
        Path modules = root.resolve("node_modules");
        if (!Files.isRegularFile(modules.resolve(pkg).resolve("package.json"))) {
            throw Peer.missing("the npm package " + pkg, "npm install --prefix " + root + " " + pkg
                    + " (scripts/test installs the lists scripts/packages/*.npm.txt)");
        }
        return modules;
    }
}
