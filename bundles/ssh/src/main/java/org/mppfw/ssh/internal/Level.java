package org.mppfw.ssh.internal;

/** What an SSH login may do. */
enum Level {
    /** The SSH user of {@code SSH_User_ID}: the full Gogo shell. */
    ADMIN,
    /** The user-level login: the fixed read-only commands of {@link UserCommands} only. */
    USER
}
