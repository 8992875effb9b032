package org.mppfw.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;

/**
 * The real Gogo runtime without a framework, for tests of shell commands: add the command
 * objects, run lines as the phone's shell would. {@link #close()} ends the session.
 */
public final class GogoShell implements AutoCloseable {

    private final ThreadIOImpl tio = new ThreadIOImpl();
    private final CommandProcessorImpl processor;
    private final CommandSession session;

    public GogoShell() {
        tio.start();
        processor = new CommandProcessorImpl(tio);
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
    }

    /** Adds the {@code functions} of {@code target} as {@code scope:function} commands. */
    public GogoShell add(String scope, Object target, String... functions) {
        for (String f : functions) {
            processor.addCommand(scope, target, f);
        }
        return this;
    }

    /** Runs a command line; what it returned. */
    public Object execute(String line) throws Exception {
        return session.execute(line);
    }

    /** Runs a command line; what it returned, as text. */
    public String run(String line) throws Exception {
        return String.valueOf(execute(line));
    }

    @Override
    public void close() {
        session.close();
        tio.stop();
    }
}
