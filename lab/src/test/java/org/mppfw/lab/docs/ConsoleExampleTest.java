package org.mppfw.lab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How the console blocks of a page are read and how their output is compared. */
class ConsoleExampleTest {

    private static List<ConsoleExample> parse(String page) {
        return ConsoleExample.parse("page.md", page.lines().toList());
    }

    @Test
    void onlyConsoleBlocksAreRunEachDollarLineACommandWithTheLinesUnderIt() {
        List<ConsoleExample> examples = parse("""
                # A page
                ```sh
                $ scripts/test
                ```
                ```console
                $ bin/mppfw --data phone -c 'param:get GPP_A'
                first
                $ echo two
                two
                ```
                ```text
                $ not run
                ```
                """);
        assertEquals(List.of(
                new ConsoleExample("page.md", 6, "bin/mppfw --data phone -c 'param:get GPP_A'", List.of("first")),
                new ConsoleExample("page.md", 8, "echo two", List.of("two"))), examples);
    }

    @Test
    void aCommandGoesOnWhileAQuoteIsOpenOrALineEndsWithABackslash() {
        List<ConsoleExample> examples = parse("""
                ```console
                $ bin/mppfw --data phone -c 'param:set GPP_A "it is"
                prov:status'
                State: ...
                $ echo a \\
                  b "c
                d"
                a b c
                d
                ```
                """);
        assertEquals("bin/mppfw --data phone -c 'param:set GPP_A \"it is\"\nprov:status'", examples.get(0).command());
        assertEquals(List.of("State: ..."), examples.get(0).expected());
        assertEquals("echo a \\\n  b \"c\nd\"", examples.get(1).command());
        assertEquals(List.of("a b c", "d"), examples.get(1).expected());
    }

    @Test
    void aHereDocumentIsPartOfItsCommandAndAHereStringIsNot() {
        List<ConsoleExample> examples = parse("""
                ```console
                $ cat > p.xml <<'EOF'
                <flat-profile>
                $ not a command
                EOF
                $ cat <<< 'x'
                x
                ```
                """);
        assertEquals("cat > p.xml <<'EOF'\n<flat-profile>\n$ not a command\nEOF", examples.get(0).command());
        assertEquals(List.of(), examples.get(0).expected());
        assertEquals("cat <<< 'x'", examples.get(1).command());
    }

    @Test
    void malformedBlocksAreRefusedWithTheirLine() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("```console\noutput first\n```\n"))
                .getMessage().startsWith("page.md:2: "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("```console\n$ echo 'open\n```\n"))
                .getMessage().contains("does not end"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("```console\n$ cat <<EOF\nx\n```\n"))
                .getMessage().contains("no EOF line"));
        assertThrows(IllegalArgumentException.class, () -> parse("```console\n$ echo\n"));
    }

    @Test
    void dotsStandForAnyLinesOrAnyTextWithinALine() {
        ExpectedOutput e = new ExpectedOutput(List.of("resync succeeded", "  Profile_Rule ...: A, plain, ...", "...",
                "Result:         success (A)"));
        assertTrue(e.matches("resync succeeded\n  Profile_Rule http://x/b.xml: A, plain, 379 bytes\nResult:         success (A)\n"));
        assertTrue(e.matches("resync succeeded\n  Profile_Rule u: A, plain, 0\nmore\nlines\nResult:         success (A)   \n\n"));
        assertFalse(e.matches("resync succeeded\n  Profile_Rule u: A, aes128gcm, 1 bytes\nResult:         success (A)\n"));
        assertFalse(e.matches("resync succeeded\n  Profile_Rule u: A, plain, 1\nResult:         failure (B)\n"));
        assertFalse(e.matches("resync succeeded\n  Profile_Rule u: A, plain, 1\nResult:         success (A)\nextra\n"),
                "the output ends where the page's does");
    }

    @Test
    void everythingButTheDotsIsLiteral() {
        assertTrue(new ExpectedOutput(List.of("a.b (c) [d]* $e")).matches("a.b (c) [d]* $e"));
        assertFalse(new ExpectedOutput(List.of("a.b")).matches("axb"));
        assertTrue(new ExpectedOutput(List.of()).matches("\n\n"));
        assertFalse(new ExpectedOutput(List.of()).matches("something"));
    }
}
