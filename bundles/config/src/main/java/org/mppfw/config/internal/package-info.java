/**
 * The parameter store bundle: catalog, crash-safe persistence, the hardened
 * {@code <flat-profile>} parser and atomic applier, the device identity, the system clock and
 * the {@code param:} / {@code sys:} shell commands.
 *
 * <p>The profile parser is the JDK's own StAX parser ({@code java.xml}), configured once in
 * {@code SecureXml}; the only code of our own is the walk over its events that implements the
 * {@code <flat-profile>} rules, and the byte/depth/element limits that the JDK does not impose
 * the way the phone needs (counted while reading, each failure a clear message).
 */
package org.mppfw.config.internal;
