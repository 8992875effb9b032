package org.mppfw.lab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.lab.LabServer;

/**
 * Runs every example of the documentation ({@code README.md} and {@code docs/*.md}) and compares
 * what it prints with what the page says, so that the pages stay true. The convention is
 * described in {@code docs/README.md}; {@link ConsoleExample} reads the blocks and
 * {@link ExpectedOutput} compares.
 * <p>
 * The examples run where the pages say they do: in the image's directory (here a scratch
 * directory per page whose {@code bin}, {@code lib}, {@code bundles} and {@code etc} are the
 * built image's), one page after the other, the examples of a page in their order, with a lab
 * server running as {@code scripts/run} starts it: on 127.0.0.1, serving the two later
 * firmware images {@code scripts/demo-firmware} makes. This lab listens on free ports; they
 * take the place of the lab's default ports (18080, 18443, 16969) in the commands and in the
 * expected output.
 * <p>
 * This test lives in the lab module because it needs both the lab server and the built image,
 * and this module is built after the image (as {@code DemoTest}).
 */
class DocExamplesTest {

    /** The repository: this module's parent. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path IMAGE = Path.of(System.getProperty("mppfw.image", "../distribution/target/mppfw"))
            .toAbsolutePath().normalize();
    /** The image's directories a page's scratch directory links to. */
    private static final List<String> IMAGE_DIRS = List.of("bin", "lib", "bundles", "etc");
    /** A command may wait this long (an upgrade of several stages, a power-up resync). */
    private static final long COMMAND_TIMEOUT_S = 600;

    @TempDir
    static Path tmp;
    static LabServer lab;
    static final List<String> labLog = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startLab() throws Exception {
        assertTrue(Files.isExecutable(IMAGE.resolve("bin/mppfw")), "the image is built before this module: " + IMAGE);
        Path root = tmp.resolve("lab");
        lab = LabServer.start(new LabServer.Options(root, "127.0.0.1", null, 0, 0, 0), labLog::add);
        // the later images scripts/run serves, made by the same script
        Path key = IMAGE.getParent().resolve("firmware-signing-test.key.pem");
        Process make = new ProcessBuilder(ROOT.resolve("scripts/demo-firmware").toString(), IMAGE.toString(),
                key.toString(), root.resolve("firmware").toString()).redirectErrorStream(true).start();
        String said = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(make.waitFor(300, TimeUnit.SECONDS), "scripts/demo-firmware ends");
        assertEquals(0, make.exitValue(), said);
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    /** The pages: README.md and every docs/*.md, each a test of its own. */
    @TestFactory
    Stream<DynamicTest> everyExampleOfEveryPagePrintsWhatThePageSays() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages.stream().map(page -> DynamicTest.dynamicTest(ROOT.relativize(page).toString(), () -> runPage(page)));
    }

    private void runPage(Path page) throws Exception {
        List<ConsoleExample> examples = ConsoleExample.read(page);
        assertFalse(examples.isEmpty(), page.getFileName() + " has no runnable example (a ```console block)");
        Path dir = Files.createDirectories(tmp.resolve("pages").resolve(ROOT.relativize(page).toString().replace('/', '-')));
        for (String d : IMAGE_DIRS) {
            Files.createSymbolicLink(dir.resolve(d), IMAGE.resolve(d));
        }
        for (ConsoleExample example : examples) {
            run(example, dir);
        }
    }

    private void run(ConsoleExample example, Path dir) throws Exception {
        String command = withLabPorts(example.command());
        ExpectedOutput expected = new ExpectedOutput(example.expected().stream().map(this::withLabPorts).toList());
        Path out = Files.createTempFile(tmp, "out", ".txt");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(out.toFile());
        // no class-data archive: each page boots a new phone a few times only
        pb.environment().put("MPPFW_CDS", "0");
        Process p = pb.start();
        try {
            if (!p.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
                fail(example.where() + ": did not end in " + COMMAND_TIMEOUT_S + " s: " + command + "\n" + Files.readString(out));
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        String report = example.where() + ": $ " + command + "\n--- the page says:\n" + expected.text()
                + "--- it printed:\n" + ExpectedOutput.normalized(printed) + "--- lab log:\n" + String.join("\n", labLog);
        assertEquals(0, p.exitValue(), "exit status\n" + report);
        assertTrue(expected.matches(printed), report);
    }

    /** The page's lab address with this lab's ports instead of the default ones. */
    private String withLabPorts(String text) {
        Map<String, Integer> ports = Map.of("18080", lab.endpoints().http(), "18443", lab.endpoints().https(),
                "16969", lab.endpoints().tftp());
        String s = text;
        for (Map.Entry<String, Integer> e : ports.entrySet()) {
            s = s.replace("127.0.0.1:" + e.getKey(), "127.0.0.1:" + e.getValue());
        }
        return s;
    }
}
