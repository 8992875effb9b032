/**
 * The running phone's console: {@code bin/mppfw -c 'COMMANDS'} and {@code bin/mppfw --attach}
 * beside a phone that runs on the same data dir go into that phone, instead of booting a second one.
 * <p>
 * <b>Channel.</b> A Unix domain socket, {@code <data>/run/console.sock}: the launcher makes
 * {@code run/} with mode 0700 before the socket exists, so only the data dir's owner can reach it,
 * with no window in which the socket has looser rights. A socket path is at most 107 bytes: for a
 * longer data dir path the socket goes to {@code $XDG_RUNTIME_DIR/mppfw/HASH/} or
 * {@code /tmp/mppfw-UID/HASH/} (each folder 0700 and checked to be the user's own), and the phone
 * writes where it listens to {@code run/console.address}, which the client reads. On each
 * connection the phone reads the peer's user ({@code SO_PEERCRED}) and refuses any other user than
 * its own. The JDK's own Unix sockets (JDK 16+) and no library: the socket, its rights and the peer
 * check are all the JDK gives, and a library (junixsocket, Netty's native transports) would add
 * native code to the phone for nothing more.
 * <p>
 * <b>Protocol</b> ({@link org.mppfw.layout.ConsoleFrame}, shared with the launcher). Frames: one
 * type byte, a 4-byte big-endian length, the payload. The client starts with {@code C} (the
 * commands of {@code -c}, UTF-8) or {@code A} (columns, rows, terminal type); attached, it sends
 * {@code I} (keyboard bytes; the client's terminal is in raw mode), {@code W} (a new window size:
 * columns, rows) and {@code D} (its input ended). The phone sends {@code O} (output) and {@code E}
 * (a refusal's message, for standard error) and ends with {@code X} (the exit status, 4 bytes).
 * <p>
 * <b>Shell.</b> {@link org.mppfw.terminal.shell.TerminalShell} runs Gogo's JLine shell on a JLine
 * terminal made of the frames: the console's features (the image's {@code gosh_profile}, history,
 * completion, the raw mode of {@code lcd:live}); {@code exit} and Ctrl-D end the attach, not the
 * phone. Commands follow the rules of a command run: each result printed, the first failure prints
 * one {@code Error:} line (here on standard output, the socket carries one output stream) and
 * exits with status 1.
 * <p>
 * The bundle is at the shell's start level: a power-on runs it (with {@code --no-shell} too), a
 * command run does not.
 */
package org.mppfw.console.internal;
