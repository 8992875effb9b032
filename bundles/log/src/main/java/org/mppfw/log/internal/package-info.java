/**
 * The phone's log: a bounded ring of files in {@code <data>/log}, and {@code Debug_Level}
 * choosing live what reaches it (docs/logging.md).
 *
 * <p><b>Library.</b> The image's SLF4J provider is logback-classic (a well-kept provider with a
 * size-bounded rolling appender and levels that change at run time), configured by the image's
 * {@code etc/logback.xml}: the console (stderr, as before) and the ring, {@code phone.log} and its
 * predecessors {@code phone.log.1}..{@code phone.log.3}, each rolled at 1 MiB. This bundle writes no
 * appender of its own: it only sets the ring's threshold ({@link org.mppfw.log.internal.Ring}) and
 * reads the files ({@code sys:log}).
 *
 * <p><b>Debug_Level.</b> Chosen (the guide's list was not reachable here; the syslog severities,
 * as a real phone's cfg.xml writes {@code <Debug_Level ua="na">NOTICE</Debug_Level>}): EMERGENCY,
 * ALERT, CRITICAL, ERROR, WARNING, NOTICE (default), INFO, DEBUG, in any case, and the older
 * templates' 0..3. SLF4J has no notice level, so NOTICE and INFO both keep the phone's info lines
 * ({@link org.mppfw.log.internal.DebugLevel}). The console's level is not {@code Debug_Level}'s: it
 * stays warn ({@code -v}, {@code -vv} raise it), so that {@code -c} prints what it printed.
 *
 * <p><b>Syslog.</b> The provisioning bundle's syslog sender forwards the {@code Log_*} messages
 * (their own parameters choose them, as on the phone), not log lines: {@code Debug_Level} does not
 * filter them.
 */
package org.mppfw.log.internal;
