package org.mppfw.log.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ring's files: the current one and its predecessors {@code NAME.1} (the newest) to
 * {@code NAME.<max>}. A file may be missing (a young ring) or end in a partial line (a killed
 * phone): each is read as it is, bytes that are no UTF-8 replaced.
 */
final class RingFiles {

    /** More predecessors than the ring keeps: reading stops at the first missing one. */
    static final int MAX_PREDECESSORS = 20;

    private RingFiles() {
    }

    /** The last {@code n} lines of the ring whose current file is {@code current}, oldest first. */
    static List<String> tail(Path current, int n) throws IOException {
        List<List<String>> newestFirst = new ArrayList<>();
        int have = 0;
        for (int i = 0; i <= MAX_PREDECESSORS && have < n; i++) {
            Path file = i == 0 ? current : current.resolveSibling(current.getFileName() + "." + i);
            if (!Files.isRegularFile(file)) {
                if (i == 0) {
                    continue; // rolled this moment, or never written: the predecessors still count
                }
                break;
            }
            List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            newestFirst.add(lines);
            have += lines.size();
        }
        List<String> all = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            all.addAll(newestFirst.get(i));
        }
        return all.subList(Math.max(0, all.size() - n), all.size());
    }
}
