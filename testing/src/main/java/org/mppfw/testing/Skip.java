package org.mppfw.testing;

/**
 * Skips the running test the way its framework understands: JUnit 5 aborts a test on
 * {@code org.opentest4j.TestAbortedException}, JUnit 4 (the Pax Exam tests) on
 * {@code org.junit.AssumptionViolatedException} (which JUnit 5 also honours). Found by name so
 * that this jar depends on neither framework and works inside an OSGi framework too.
 */
final class Skip {

    private static final String[] EXCEPTIONS = {"org.opentest4j.TestAbortedException", "org.junit.AssumptionViolatedException"};

    private Skip() {
    }

    static RuntimeException because(String message) {
        for (String name : EXCEPTIONS) {
            Class<?> type;
            try {
                type = Class.forName(name, false, Skip.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError notHere) {
                continue;
            }
            try {
                return (RuntimeException) type.getConstructor(String.class).newInstance(message);
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("cannot skip with " + name + ": " + message, e);
            }
        }
        throw new AssertionError(message + " (and no test framework to skip with)");
    }
}
