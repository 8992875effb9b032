package org.mppfw.ssh.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceProperties;
import org.jline.terminal.Terminal;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The SSH server's component: the edge between DS and {@link SshServerEngine}. It follows the SSH
 * parameters live (a change starts, stops or restarts the server, on the component's own thread
 * {@code mppfw-ssh}, so that a session that changes them is not closed under its own command),
 * gives each login the session of its level, and offers {@code ssh:status}.
 */
@Component(service = {ParameterListener.class, SshComponent.class}, immediate = true, property = {
    ParameterListener.NAMES + "=" + SshSettings.ACCESS, ParameterListener.NAMES + "=" + SshSettings.USER_ID,
    ParameterListener.NAMES + "=" + SshSettings.PASSWORD, ParameterListener.NAMES + "=" + SshSettings.PORT,
    ParameterListener.NAMES + "=" + SshSettings.USER_PASSWORD,
    "osgi.command.scope=ssh", "osgi.command.function=status"})
public final class SshComponent implements ParameterListener {

    private static final int INSPECT = 0;

    private final ParameterStore store;
    private final CommandProcessor processor;
    private final ExecutorService thread;
    private final SshServerEngine engine;

    @Activate
    public SshComponent(@Reference ParameterStore store, @Reference CommandProcessor processor, BundleContext context) {
        this.store = store;
        this.processor = processor;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mppfw-ssh");
            t.setDaemon(true);
            return t;
        });
        UserShell user = new UserShell(new UserCommands(store, this::runFixed));
        TerminalShell admin = new TerminalShell(processor);
        SessionCommand.Sessions sessions = (Level level, Terminal terminal, String commands) ->
                level == Level.ADMIN ? admin.run(terminal, commands) : user.run(terminal, commands);
        this.engine = new SshServerEngine(Path.of(context.getProperty(DeviceProperties.DATA_DIR)),
                new LoginBackoff(System::nanoTime), sessions);
        thread.execute(this::follow);
    }

    @Deactivate
    void deactivate() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.stop();
    }

    @Override
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        thread.execute(this::follow);
    }

    private void follow() {
        engine.apply(SshSettings.read(store));
    }

    @Descriptor("show whether the SSH server runs, on which port, its sessions and the addresses that back off")
    public String status() {
        return engine.status();
    }

    /** Runs one of the user level's fixed Gogo commands, its text a constant of {@link UserCommands#GOGO}. */
    private String runFixed(String fixedCommand) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), printed, printed);
        try {
            Object result = session.execute(fixedCommand);
            String text = printed.toString(StandardCharsets.UTF_8);
            if (result != null) {
                text += session.format(result, INSPECT);
            }
            return text.stripTrailing();
        } finally {
            session.close();
        }
    }
}
