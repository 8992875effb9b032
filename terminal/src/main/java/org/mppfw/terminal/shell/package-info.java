/**
 * The phone's Gogo shell on a JLine terminal made of a pair of streams
 * ({@link org.mppfw.terminal.shell.TerminalShell}): the sessions that run inside the running
 * phone, {@code bin/mppfw -c} and {@code --attach} over the console socket (bundle
 * {@code console}) and the admin level of SSH (bundle {@code ssh}).
 *
 * <p>Embedded privately by those two bundles (bnd {@code -conditionalpackage}), for the reason the
 * package-info of {@code org.mppfw.terminal} gives: one source, no exported helper. A package of
 * its own, apart from {@code org.mppfw.terminal}, because it imports Gogo's JLine shell and JLine,
 * which the display and the keypad, embedding that one, must not need.
 */
package org.mppfw.terminal.shell;
