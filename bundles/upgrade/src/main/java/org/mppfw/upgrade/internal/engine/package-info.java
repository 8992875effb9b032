/**
 * The upgrade engine, as plain objects built through their constructors (DS only at the edge,
 * in {@link org.mppfw.upgrade.internal.UpgradeComponent}); they create no thread of their own:
 * the engine runs on the serial executor and the clock it is given, so that tests drive it on a
 * virtual clock and many phones' engines can share one pool.
 * <ul>
 * <li>{@link org.mppfw.upgrade.internal.engine.UpgradeEngine} orchestrates: when to evaluate, the
 * attempt's record, status and syslog, what follows an attempt (the resync, the next stage).</li>
 * <li>{@link org.mppfw.upgrade.internal.engine.RulePolicy}: {@code Upgrade_Rule} and the retry
 * after {@code Upgrade_Error_Retry_Delay} ({@link org.mppfw.upgrade.internal.engine.RetryDelays}),
 * with the phone's one macro source.</li>
 * <li>{@link org.mppfw.upgrade.internal.engine.IdleGate}: an upgrade never interrupts a call.</li>
 * <li>{@link org.mppfw.upgrade.internal.engine.ImageAttempt}: URL to outcome, through
 * {@link org.mppfw.upgrade.internal.engine.ImageDownload} (resumable; its server and every
 * redirect within {@code Restricted_Access_Domains}, else a failed attempt whose retry follows
 * {@code Upgrade_Error_Retry_Delay}),
 * {@link org.mppfw.upgrade.internal.engine.SlotInstaller} (the free slot, the kept slot) and
 * {@link org.mppfw.upgrade.internal.engine.SetSwitch} (swap in place, check, commit or swap back,
 * ending in an {@link org.mppfw.upgrade.internal.engine.Outcome}).</li>
 * <li>{@link org.mppfw.upgrade.internal.engine.TrialCheck}: the check after a reboot into a set on
 * trial, which commits it or gives it up by a restart, never by a swap in place.</li>
 * <li>{@link org.mppfw.upgrade.internal.engine.HandOver}: a new instance of the component waits
 * for the swap that stopped the old one, then carries on.</li>
 * <li>{@link org.mppfw.upgrade.internal.engine.StatusBoard}: the status and its listeners.</li>
 * <li>{@link org.mppfw.upgrade.internal.engine.Services}: the services used, the ones other
 * bundles provide held in slots that a swap refills without restarting the engine.</li>
 * </ul>
 */
package org.mppfw.upgrade.internal.engine;
