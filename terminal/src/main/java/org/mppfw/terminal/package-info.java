/**
 * The shell's terminal in raw mode ({@link org.mppfw.terminal.RawTerminal}) while a live mode of
 * the shell runs: {@code lcd:live} of the display and {@code key:live} of the keypad.
 *
 * <p>Why a plain library embedded by each bundle (bnd {@code -conditionalpackage}, as the
 * {@code layout} module is): both bundles need the very same hundred lines, and there should be
 * one copy of them. The alternatives were worse. The {@code api} bundle holds the phone's
 * service contracts, and an exported helper there would become a versioned API that every
 * provider must keep compatible. One bundle exporting it to the other would tie the display to
 * the keypad (or the reverse) for a shell detail. The {@code layout} module is the data dir's
 * file formats, on the launcher's class path, with no dependency; a Gogo terminal does not
 * belong there. Embedded, the package is private to each bundle, is neither exported nor
 * versioned, and still has one source.
 *
 * <p>It reaches JLine only by reflection through the session variable {@code .terminal}, so the
 * bundles import neither JLine nor, beyond their optional import of Gogo's
 * {@code org.apache.felix.service.command}, anything new.
 */
package org.mppfw.terminal;
