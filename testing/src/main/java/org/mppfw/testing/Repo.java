package org.mppfw.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests run in (where {@code scripts/} and the peer cache {@code .cache/} are). */
public final class Repo {

    private Repo() {
    }

    /**
     * The system property {@code mppfw.repo} if set, else the nearest folder above the working
     * directory that holds {@code mvnw}.
     */
    public static Path root() {
        String set = System.getProperty("mppfw.repo");
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path q = here; q != null; q = q.getParent()) {
            if (Files.isRegularFile(q.resolve("mvnw"))) {
                return q;
            }
        }
        return here;
    }
}
