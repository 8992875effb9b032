/**
 * Firmware upgrade: {@link org.mppfw.upgrade.internal.UpgradeEngine} (the firmware service:
 * {@code Upgrade_Rule}, download, verification, slot install, in-place swap, health check,
 * commit or rollback, multistage) and the {@code fw:*} shell commands.
 * <p>
 * The swap is written here over the framework API rather than taken from a provisioning
 * library (Apache Karaf's features service, Eclipse p2): those resolve and install from
 * repositories of their own; the phone needs one thing only, to make the installed set equal to
 * a verified, signed list of jars, with the old set kept whole for a rollback and a state record
 * the launcher understands at the next boot.
 */
package org.mppfw.upgrade.internal;
