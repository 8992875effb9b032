package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;

/** The ring of the image's etc/logback.xml: its bound, its rotation, and what a restart or a kill leaves. */
class LogRingTest {

    private static final Path CONFIG = Path.of("src/main/image/etc/logback.xml");
    private static final long MIB = 1024 * 1024;
    private static final Pattern NUMBERED = Pattern.compile("line (\\d+) ");

    @TempDir
    Path dir;

    private LoggerContext ring() throws JoranException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty(LogSetup.DIR, dir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(CONFIG.toFile());
        return context;
    }

    private Set<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private List<Long> numbers(String file) throws IOException {
        List<Long> n = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8)) {
            Matcher m = NUMBERED.matcher(line);
            if (m.find()) {
                n.add(Long.parseLong(m.group(1)));
            }
        }
        return n;
    }

    @Test
    void fourFilesOfOneMibAtMostTheNewestLinesInOrder() throws Exception {
        LoggerContext context = ring();
        Logger log = context.getLogger("org.mppfw.some.Thing");
        String filler = "x".repeat(150);
        long lines = 6 * MIB / 200; // six MiB: more than the ring keeps
        for (long i = 1; i <= lines; i++) {
            log.info("line {} {}", i, filler);
        }
        context.stop();

        assertEquals(Set.of("phone.log", "phone.log.1", "phone.log.2", "phone.log.3"), files());
        long longest = 300;
        long total = 0;
        for (String f : files()) {
            long size = Files.size(dir.resolve(f));
            assertTrue(size <= MIB + longest, f + " is " + size + " bytes");
            total += size;
        }
        assertTrue(total <= 4 * (MIB + longest), "the ring holds " + total + " bytes");
        assertTrue(total >= 3 * MIB, "the ring keeps three full predecessors: " + total + " bytes");

        List<Long> kept = new ArrayList<>();
        for (String f : List.of("phone.log.3", "phone.log.2", "phone.log.1", "phone.log")) {
            kept.addAll(numbers(f));
        }
        assertEquals(lines, kept.get(kept.size() - 1), "the newest line is last in phone.log");
        for (int i = 1; i < kept.size(); i++) {
            assertEquals(kept.get(i - 1) + 1, kept.get(i), "no line lost or out of order across the files");
        }
    }

    @Test
    void aRestartAppendsAndEachLineIsInTheFileAtOnce() throws Exception {
        LoggerContext first = ring();
        first.getLogger("a").info("before the restart");
        // what a kill -9 would leave: the line is in the file while the phone still runs
        assertTrue(Files.readString(dir.resolve("phone.log")).contains("before the restart"));
        first.stop();

        LoggerContext second = ring();
        second.getLogger("a").info("after the restart");
        second.getLogger("a").debug("a debug line");
        second.stop();
        List<String> text = Files.readAllLines(dir.resolve("phone.log"));
        assertEquals(2, text.size(), String.join("\n", text));
        assertTrue(text.get(0).contains("INFO  [") && text.get(0).endsWith("a - before the restart"), text.get(0));
        assertTrue(text.get(1).endsWith("a - after the restart"), text.get(1));
    }
}
