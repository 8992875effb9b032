package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;

import org.junit.jupiter.api.Test;

class BatchRunnerTest {

    @Test
    void theMessageIsTheCommandsOwnFirstLine() {
        // Gogo wraps a command's exception once, the launcher's reflective call once more
        Throwable wrapped = new InvocationTargetException(new InvocationTargetException(
                new IllegalStateException("crypto:decrypt: wrong key or digest\nsecond line")));
        assertEquals("crypto:decrypt: wrong key or digest", BatchRunner.message(wrapped));
        assertEquals("StackOverflowError", BatchRunner.message(new InvocationTargetException(new StackOverflowError())));
        assertEquals("unknown error", BatchRunner.message(null));
    }
}
