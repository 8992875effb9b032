package org.mppfw.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;
import org.mppfw.testing.TempDirs;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * Fuzzes the user level's tokenizer and dispatcher: a line is refused or is words of the allowed
 * characters only, and whatever the line, the only text that reaches Gogo is one of the fixed
 * commands. The build runs the inputs in {@code UserLineFuzzTestInputs/}; fuzzing needs
 * {@code JAZZER_FUZZ=1}.
 */
class UserLineFuzzTest {

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:-]+");
    private static final ParameterStoreImpl STORE = open();

    private static ParameterStoreImpl open() {
        try {
            // the whole tree is deleted when the test JVM exits
            return new ParameterStoreImpl(TempDirs.deletedAtExit("mppfw-ssh-fuzz"), Catalog.standard(),
                    ParameterStoreImpl.Options.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void words(@NotNull String line) {
        List<String> words;
        try {
            words = UserLine.words(line);
        } catch (IllegalArgumentException refused) {
            return;
        }
        for (String w : words) {
            assertTrue(WORD.matcher(w).matches(), "word '" + w + "' of '" + line + "'");
        }
    }

    @FuzzTest(maxDuration = "60s")
    void dispatch(@NotNull String line) {
        List<String> ran = new ArrayList<>();
        UserCommands commands = new UserCommands(STORE, fixed -> {
            ran.add(fixed);
            return "";
        });
        commands.run(line, new PrintWriter(new StringWriter()));
        for (String fixed : ran) {
            assertTrue(UserCommands.GOGO.stream().anyMatch(c -> c == fixed), "not a constant of the list: " + fixed);
        }
        assertTrue(ran.size() <= 1);
    }
}
