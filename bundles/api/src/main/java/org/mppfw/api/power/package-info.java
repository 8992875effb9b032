/**
 * Restarting the phone: every part that reboots it (an upgrade that gives up a set on trial, a
 * factory reset, TR-069 Reboot, SIP {@code check-sync;reboot=true}, the web UI, the shell) goes
 * through {@link org.mppfw.api.power.Power}, so that a reboot is always a new boot from the firmware
 * state record and its reason is kept in the boot history.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mppfw.api.power;
