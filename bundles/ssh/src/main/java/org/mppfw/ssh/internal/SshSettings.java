package org.mppfw.ssh.internal;

import java.util.List;
import java.util.Optional;

import org.mppfw.api.config.ParameterStore;

/**
 * The SSH server's parameters at one moment: {@code SSH_Access}, {@code SSH_User_ID},
 * {@code SSH_Password}, {@code SSH_Port}, and {@code User_Password} for the user-level login.
 *
 * @param enabled      {@code SSH_Access} is Yes
 * @param adminUser    the admin login's user name ({@code SSH_User_ID})
 * @param adminPassword the admin login's password ({@code SSH_Password}); never print it
 * @param port         the TCP port ({@code SSH_Port})
 * @param userPassword the user-level login's password ({@code User_Password}); never print it
 */
record SshSettings(boolean enabled, String adminUser, String adminPassword, int port, String userPassword) {

    static final String ACCESS = "SSH_Access";
    static final String USER_ID = "SSH_User_ID";
    static final String PASSWORD = "SSH_Password";
    static final String PORT = "SSH_Port";
    static final String USER_PASSWORD = "User_Password";
    /** The parameters the server follows: a change of any of them restarts it. */
    static final List<String> NAMES = List.of(ACCESS, USER_ID, PASSWORD, PORT, USER_PASSWORD);

    /** The user name of the user-level login (the phone's User account; Cisco's name for it). */
    static final String USER_LOGIN = "user";

    static SshSettings read(ParameterStore store) {
        return new SshSettings("Yes".equalsIgnoreCase(store.get(ACCESS).trim()), store.get(USER_ID).trim(),
                store.get(PASSWORD), Integer.parseInt(store.get(PORT).trim()), store.get(USER_PASSWORD));
    }

    /** Why the server must not run with these settings (one line, no secret), if so. */
    Optional<String> refusal() {
        if (adminUser.isEmpty()) {
            return Optional.of("SSH_Access is Yes but SSH_User_ID is empty: SSH stays off");
        }
        if (adminPassword.isEmpty()) {
            return Optional.of("SSH_Access is Yes but SSH_Password is empty: SSH stays off (an empty password is never accepted)");
        }
        if (adminUser.equals(USER_LOGIN)) {
            return Optional.of("SSH_User_ID may not be '" + USER_LOGIN + "', the user-level login: SSH stays off");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "SshSettings[enabled=" + enabled + ", adminUser=" + adminUser + ", port=" + port + "]";
    }
}
