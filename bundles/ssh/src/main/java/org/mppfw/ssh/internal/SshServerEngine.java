package org.mppfw.ssh.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSessionFactory;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.mppfw.layout.LoginBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs MINA SSHD as the settings say: stopped when {@code SSH_Access} is No or the settings are
 * refused, else listening on {@code SSH_Port} with the host key of the data dir. Only session
 * channels exist (shell and exec): no port forwarding either way, no agent or X11 forwarding, no
 * subsystem (so no SFTP, and {@code scp} finds no {@code scp} command). At most
 * {@value #MAX_SESSIONS} connections are open at once.
 */
final class SshServerEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SshServerEngine.class);

    static final int MAX_SESSIONS = 4;
    /** Authentication requests per connection before it is dropped. */
    static final int MAX_AUTH_REQUESTS = 6;

    private final Path dataDir;
    private final LoginBackoff backoff;
    private final SessionCommand.Sessions sessions;
    private SshServer server;
    private SessionLimit limit;
    private ExecutorService pool;
    private SshSettings applied;

    SshServerEngine(Path dataDir, LoginBackoff backoff, SessionCommand.Sessions sessions) {
        this.dataDir = dataDir;
        this.backoff = backoff;
        this.sessions = sessions;
    }

    /** Starts, stops or restarts the server for {@code settings}. */
    synchronized void apply(SshSettings settings) {
        if (settings.equals(applied)) {
            return;
        }
        stop();
        applied = settings;
        if (!settings.enabled()) {
            return;
        }
        Optional<String> refusal = settings.refusal();
        if (refusal.isPresent()) {
            LOG.error("ssh: {}", refusal.get());
            return;
        }
        try {
            start(settings);
            LOG.info("ssh: listening on port {}", server.getPort());
        } catch (IOException | RuntimeException e) {
            LOG.error("ssh: cannot listen on port {}: {}", settings.port(), e.getMessage());
            stop();
        }
    }

    private void start(SshSettings settings) throws IOException {
        Path folder = HostKey.folder(dataDir);
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setPort(settings.port());
        sshd.setKeyPairProvider(HostKey.load(folder));
        Accounts accounts = new Accounts(settings, backoff,
                new AuthorizedKeysAuthenticator(folder.resolve(HostKey.AUTHORIZED_KEYS)));
        sshd.setPasswordAuthenticator(accounts);
        sshd.setPublickeyAuthenticator(accounts);
        sshd.addSessionListener(accounts);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setGSSAuthenticator(null);
        sshd.setHostBasedAuthenticator(null);
        sshd.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthPasswordFactory.INSTANCE));
        sshd.setChannelFactories(List.of(ChannelSessionFactory.INSTANCE));
        sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        sshd.setAgentFactory(null);
        sshd.setSubsystemFactories(List.of());
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(sshd, MAX_AUTH_REQUESTS);
        CoreModuleProperties.AUTH_TIMEOUT.set(sshd, Duration.ofMinutes(1));
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mppfw-ssh-session");
            t.setDaemon(true);
            return t;
        });
        sshd.setShellFactory(channel -> new SessionCommand(threads, sessions, null));
        sshd.setCommandFactory((channel, command) -> new SessionCommand(threads, sessions, command));
        limit = new SessionLimit();
        sshd.addSessionListener(limit);
        pool = threads;
        server = sshd;
        sshd.start();
    }

    /** Stops the server and closes its sessions. */
    synchronized void stop() {
        applied = null;
        if (server != null) {
            try {
                server.stop(true);
            } catch (IOException e) {
                LOG.warn("ssh: stopping: {}", e.getMessage());
            }
            server = null;
            LOG.info("ssh: stopped");
        }
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
        limit = null;
    }

    /** One line for {@code ssh:status}. */
    synchronized String status() {
        StringBuilder sb = new StringBuilder();
        if (server == null) {
            sb.append("ssh: off");
        } else {
            sb.append("ssh: listening on port ").append(server.getPort()).append(", ").append(limit.open.get())
                    .append(" of ").append(MAX_SESSIONS).append(" sessions");
        }
        Map<InetAddress, Long> blocked = backoff.blocked();
        blocked.forEach((a, s) -> sb.append("\nbacking off: ").append(a.getHostAddress()).append(" (")
                .append(s).append(" s left)"));
        return sb.toString();
    }

    /** Drops a connection over {@value #MAX_SESSIONS}; one per run of the server. */
    private static final class SessionLimit implements SessionListener {

        final AtomicInteger open = new AtomicInteger();

        @Override
        public void sessionCreated(Session session) {
            if (open.incrementAndGet() > MAX_SESSIONS) {
                LOG.warn("ssh: connection from {} refused: {} sessions are open", session.getRemoteAddress(), MAX_SESSIONS);
                try {
                    session.disconnect(SshConstants.SSH2_DISCONNECT_TOO_MANY_CONNECTIONS, "too many SSH sessions");
                } catch (IOException e) {
                    session.close(true);
                }
            }
        }

        @Override
        public void sessionClosed(Session session) {
            open.decrementAndGet();
        }
    }
}
