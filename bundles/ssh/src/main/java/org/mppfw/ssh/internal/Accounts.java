package org.mppfw.ssh.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;

import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.mppfw.layout.LoginBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may log in, and at which {@link Level}: the SSH user ({@code SSH_User_ID}) with
 * {@code SSH_Password} or a key of the data dir's {@code ssh/authorized_keys} is admin; the user
 * {@value SshSettings#USER_LOGIN} with {@code User_Password} (when it is set) is user-level.
 * Passwords are compared in constant time and never logged; every attempt first asks the
 * {@link LoginBackoff}, and a wrong password counts against its source address.
 */
final class Accounts implements PasswordAuthenticator, PublickeyAuthenticator, SessionListener {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);

    /** The level a session's login was given. */
    static final AttributeKey<Level> LEVEL = new AttributeKey<>();

    private final SshSettings settings;
    private final LoginBackoff backoff;
    private final PublickeyAuthenticator authorizedKeys;

    Accounts(SshSettings settings, LoginBackoff backoff, PublickeyAuthenticator authorizedKeys) {
        this.settings = settings;
        this.backoff = backoff;
        this.authorizedKeys = authorizedKeys;
    }

    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        InetAddress from = address(session.getClientAddress());
        if (refusedWhileBackingOff(username, from)) {
            return false;
        }
        Level level = passwordLevel(username, password);
        if (level == null) {
            long delay = backoff.failed(from);
            LOG.warn("ssh: wrong password for '{}' from {}{}", username, from.getHostAddress(),
                    delay > 0 ? "; this address backs off " + delay + " s" : "");
            return false;
        }
        session.setAttribute(LEVEL, level);
        return true;
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        InetAddress from = address(session.getClientAddress());
        if (refusedWhileBackingOff(username, from)) {
            return false;
        }
        // an unknown key guesses no secret: it is refused but costs the address nothing. A known
        // one is asked about twice (offered, then signed): the login is logged once it is complete
        if (!settings.adminUser().equals(username) || !authorizedKeys.authenticate(username, key, session)) {
            return false;
        }
        session.setAttribute(LEVEL, Level.ADMIN);
        return true;
    }

    /** A login is complete: it clears its address's failures, and is logged. */
    @Override
    public void sessionEvent(Session session, Event event) {
        if (event != Event.Authenticated) {
            return;
        }
        InetAddress from = address(session.getRemoteAddress());
        backoff.succeeded(from);
        Level level = session.getAttribute(LEVEL);
        LOG.info("ssh: '{}' logged in from {} ({})", session.getUsername(), from.getHostAddress(),
                level == null ? "no level" : level.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The level that {@code username} with {@code password} logs in at, or null. */
    Level passwordLevel(String username, String password) {
        boolean admin = sameSecret(password, settings.adminPassword());
        boolean user = sameSecret(password, settings.userPassword());
        if (settings.adminUser().equals(username) && admin) {
            return Level.ADMIN;
        }
        if (SshSettings.USER_LOGIN.equals(username) && user) {
            return Level.USER;
        }
        return null;
    }

    private boolean refusedWhileBackingOff(String username, InetAddress from) {
        long left = backoff.blockedSeconds(from);
        if (left == 0) {
            return false;
        }
        long delay = backoff.failed(from);
        LOG.warn("ssh: login of '{}' from {} refused unchecked: the address backs off ({} s)", username,
                from.getHostAddress(), delay);
        return true;
    }

    /**
     * Whether a given password equals the expected one, in time that does not depend on where they
     * differ nor on their lengths (both are hashed first). An empty expected password never matches.
     */
    static boolean sameSecret(String given, String expected) {
        if (given == null || expected == null) {
            return false;
        }
        boolean equal = MessageDigest.isEqual(sha256(given), sha256(expected));
        return equal & !expected.isEmpty();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static InetAddress address(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress();
        }
        return InetAddress.getLoopbackAddress();
    }
}
