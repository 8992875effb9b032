/**
 * SSH access to the phone's shell, as phones of this class offer their engineers: Apache MINA
 * SSHD (the {@code sshd-osgi} bundle, the server Karaf uses) behind a DS component
 * ({@link org.mppfw.ssh.internal.SshComponent}); the rest are plain classes.
 *
 * <p><b>Parameters.</b> {@code SSH_Access} (Yes/No, default No), {@code SSH_User_ID} (default
 * {@code admin}), {@code SSH_Password} (secret, default empty) and {@code SSH_Port} (default 22),
 * all {@code ua=na}. The 8800 MPP administration guide reachable here names no SSH parameter
 * (UNCONFIRMED): the first three are the names other MPP models give them, and {@code SSH_Port}
 * is our own in the same style. A change of any of them, or of {@code User_Password}, takes
 * effect at once: the server starts, stops or restarts (open sessions close). The server never
 * runs with an empty {@code SSH_Password}: it then stays off with one log line saying why.
 *
 * <p><b>Two levels.</b> {@code SSH_User_ID} with {@code SSH_Password}, or with a key of
 * {@code <data>/ssh/authorized_keys} (OpenSSH format), is admin: the full Gogo shell of the
 * console ({@link org.mppfw.terminal.shell.TerminalShell}). Chosen for the user level: the phone's
 * User account, with the fixed name {@code user} (Cisco's name for that account) and
 * {@code User_Password}; no login when that is empty, and no key. It runs
 * {@link org.mppfw.ssh.internal.UserCommands} only. Gogo is not a sandbox (closures, variables
 * and method calls on any result reach the whole framework), so no text of a user-level line ever
 * reaches Gogo's parser:
 * <ul>
 * <li>{@link org.mppfw.ssh.internal.UserLine} refuses the whole line at the first character that
 *     is not an ASCII letter, digit, {@code _ - . :}, space or tab. Every piece of Gogo syntax
 *     needs one of the refused characters: closures {@code { }}, execution and method calls
 *     {@code ( )} as in {@code (bundle 0) stop}, variables {@code $} as in {@code $.context} or
 *     {@code ${...}}, statements {@code ;}, pipes {@code |}, background {@code &}, assignments
 *     {@code =}, quotes {@code ' "}, escapes {@code \}, globs {@code *} and redirections
 *     {@code > <}. Without them a line is only bare words.
 * <li>The first word is looked up in a fixed table. A Gogo command of the table takes no
 *     argument and is run as the table's constant text, not as the typed word; so even a word
 *     that Gogo would read differently never reaches it. {@code param:get} never goes through Gogo:
 *     it reads the store, and only a parameter that is neither secret nor {@code ua=na}.
 *     Nothing of the table writes (no {@code param:set}, no {@code lcd:live}, which presses keys).
 * </ul>
 *
 * <p><b>Channels.</b> Only session channels are opened, for a shell or an exec request;
 * {@code ssh phone 'command'} obeys the level of the login and returns the status {@code -c}
 * would. No {@code direct-tcpip} or {@code tcpip-forward} (no {@code ssh -L} or {@code -R}), no
 * agent or X11 forwarding, no subsystem (so no SFTP; legacy {@code scp -O} finds no {@code scp}
 * command, and the level-checked session refuses it like any unknown command).
 *
 * <p><b>Keys and failures.</b> The host key is an ECDSA P-256 key made on the first start in
 * {@code <data>/ssh/host_key} (folder {@code rwx------}, file {@code rw-------}) and kept. Passwords
 * are compared in constant time (both hashed, then {@code MessageDigest.isEqual}) and never
 * logged. Failures back off per source address ({@link org.mppfw.layout.LoginBackoff}): two
 * are free, then the address is shut out for 30 s, doubling to 15 min, during which every attempt
 * is refused unchecked. The delay runs on monotonic time ({@code System.nanoTime}), not on the
 * phone's {@code Clock}: a wall-clock step must neither open nor stretch it. At most four
 * connections are open at once, six authentication requests per connection.
 */
package org.mppfw.ssh.internal;
