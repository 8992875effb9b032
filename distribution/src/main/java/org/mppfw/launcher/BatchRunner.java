package org.mppfw.launcher;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.mppfw.layout.CommandScript;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * Batch mode: runs commands through the Gogo {@code CommandProcessor} service in one session on
 * the process's stdin/stdout/stderr, printing each result the way the interactive shell does.
 * Gogo lives in a bundle, so the launcher calls its interfaces by reflection rather than
 * importing them into the launcher's class path.
 */
final class BatchRunner {

    static final String COMMAND_PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    static final String COMMAND_SESSION = "org.apache.felix.service.command.CommandSession";
    /** {@code Converter.INSPECT}: the full rendering the shell prints. */
    private static final int INSPECT = 0;
    /** How long to wait for the first command's service (DS registers components after the bundle started). */
    private static final long WAIT_MS = Long.getLong("mppfw.command.timeout", 15_000L);

    private final BundleContext context;
    private final PrintStream out;
    private final PrintStream err;

    BatchRunner(BundleContext context, PrintStream out, PrintStream err) {
        this.context = context;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs {@code commands} in order and stops at the first that fails.
     *
     * @return 0 when all succeeded, 1 when one failed
     */
    int run(List<String> commands) throws Exception {
        if (commands.isEmpty()) {
            return 0;
        }
        Optional<String[]> first = CommandScript.scopedFunction(commands.get(0));
        if (first.isPresent()) {
            String filter = "(&(osgi.command.scope=" + first.get()[0] + ")(osgi.command.function=" + first.get()[1] + "))";
            if (await(filter) == null) {
                Log.debug("no command " + first.get()[0] + ":" + first.get()[1] + " after " + WAIT_MS + " ms");
            }
        }
        ServiceReference<?> ref = await("(objectClass=" + COMMAND_PROCESSOR + ")");
        if (ref == null) {
            err.println("Error: the Gogo command processor is not running");
            return 1;
        }
        Object processor = context.getService(ref);
        try {
            ClassLoader loader = processor.getClass().getClassLoader();
            Class<?> processorType = loader.loadClass(COMMAND_PROCESSOR);
            Class<?> sessionType = loader.loadClass(COMMAND_SESSION);
            Method create = processorType.getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class);
            Method execute = sessionType.getMethod("execute", CharSequence.class);
            Method format = sessionType.getMethod("format", Object.class, int.class);
            Method get = sessionType.getMethod("get", String.class);
            Method close = sessionType.getMethod("close");
            Object session = create.invoke(processor, System.in, out, err);
            try {
                for (String command : commands) {
                    Log.debug("running: " + command);
                    Object result;
                    try {
                        result = execute.invoke(session, command);
                    } catch (InvocationTargetException e) {
                        printError(e.getCause());
                        return 1;
                    }
                    if (result != null && !Boolean.FALSE.equals(get.invoke(session, ".Gogo.format"))) {
                        out.println(format.invoke(session, result, INSPECT));
                    }
                    out.flush();
                }
                return 0;
            } finally {
                out.flush();
                close.invoke(session);
            }
        } finally {
            context.ungetService(ref);
        }
    }

    /** One line, {@code Error: <message>}; the trace only at debug level. */
    private void printError(Throwable t) {
        out.flush();
        err.println("Error: " + message(t));
        err.flush();
        Log.debug(t);
    }

    static String message(Throwable t) {
        return CommandScript.message(t);
    }

    /** The first service matching {@code filter}, waiting up to the timeout for it to be registered. */
    private ServiceReference<?> await(String filter) throws InvalidSyntaxException, InterruptedException {
        CountDownLatch registered = new CountDownLatch(1);
        ServiceListener listener = event -> {
            if (event.getType() == ServiceEvent.REGISTERED) {
                registered.countDown();
            }
        };
        context.addServiceListener(listener, filter);
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, filter);
            if (refs == null && registered.await(WAIT_MS, TimeUnit.MILLISECONDS)) {
                refs = context.getAllServiceReferences(null, filter);
            }
            return refs == null ? null : refs[0];
        } finally {
            context.removeServiceListener(listener);
        }
    }
}
