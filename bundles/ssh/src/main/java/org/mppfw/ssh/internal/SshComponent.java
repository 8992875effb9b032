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
import org.mppfw.layout.LoginBackoff;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSH server's component: the edge between DS and {@link SshServerEngine}. It follows the SSH
 * parameters live (a change starts, stops or restarts the server, on the component's own thread
 * {@code mppfw-ssh}, so that a session that changes them is not closed under its own command),
 * gives each login the session of its level, and offers {@code ssh:status}. A command run
 * ({@code bin/mppfw -c}) opens no port: the phone that runs on the data dir may be listening.
 */
@Component(service = {ParameterListener.class, SshComponent.class}, immediate = true, property = {
    ParameterListener.NAMES + "=" + SshSettings.ACCESS, ParameterListener.NAMES + "=" + SshSettings.USER_ID,
    ParameterListener.NAMES + "=" + SshSettings.PASSWORD, ParameterListener.NAMES + "=" + SshSettings.PORT,
    ParameterListener.NAMES + "=" + SshSettings.USER_PASSWORD,
    "osgi.command.scope=ssh", "osgi.command.function=status"})
public final class SshComponent implements ParameterListener {

    private static final Logger LOG = LoggerFactory.getLogger(SshComponent.class);

    private static final int INSPECT = 0;

    private final ParameterStore store;
    private final CommandProcessor processor;
    private final ExecutorService thread;
    private final SshServerEngine engine;
    /** A command run ({@code -c}) is not the phone running: it opens no port. */
    private final boolean commandRun;
    private boolean shellMissingLogged;

    @Activate
    public SshComponent(@Reference ParameterStore store, @Reference CommandProcessor processor, BundleContext context) {
        this.store = store;
        this.processor = processor;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mppfw-ssh");
            t.setDaemon(true);
            return t;
        });
        this.engine = new SshServerEngine(Path.of(context.getProperty(DeviceProperties.DATA_DIR)),
                new LoginBackoff(System::nanoTime), new LevelSessions(processor, new UserCommands(store, this::runFixed)));
        this.commandRun = DeviceProperties.commandRun(context.getProperty(DeviceProperties.BOOT_MODE));
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
        if (commandRun) {
            return;
        }
        SshSettings settings = SshSettings.read(store);
        if (settings.enabled() && !shellBundlesPresent()) {
            if (!shellMissingLogged) {
                LOG.error("ssh: SSH_Access is Yes but the console's JLine and Gogo JLine bundles are not installed: SSH stays off");
                shellMissingLogged = true;
            }
            engine.stop();
            return;
        }
        engine.apply(settings);
    }

    /** Whether the console's terminal and shell classes are wired to this bundle. */
    private static boolean shellBundlesPresent() {
        try {
            ClassLoader loader = SshComponent.class.getClassLoader();
            Class.forName("org.jline.terminal.Terminal", false, loader);
            Class.forName("org.apache.felix.gogo.jline.Shell", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
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
