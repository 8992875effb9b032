/**
 * Firmware upgrade: {@link org.mppfw.upgrade.internal.UpgradeComponent} (the firmware service's
 * DS component, around the plain engine of {@code engine}), the {@code fw:*} shell commands, the
 * image format ({@code image}), the bundle sets ({@code sets}), the last attempt's record
 * ({@code state}) and the swap in the running framework with its health check ({@code swap}).
 * <p>
 * The swap is written here over the framework API rather than taken from a provisioning
 * library (Apache Karaf's features service, Eclipse p2): those resolve and install from
 * repositories of their own; the phone needs one thing only, to make the installed set equal to
 * a verified, signed list of jars, with the old set kept whole for a rollback and a state record
 * the launcher understands at the next boot.
 */
package org.mppfw.upgrade.internal;
