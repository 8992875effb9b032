/**
 * What must survive a power cut: the firmware state record (which set is committed, on trial,
 * previous and running; read by the launcher at every boot) and the last upgrade attempt. Every
 * write is a whole new file, synced, then renamed over the old one.
 */
package org.mppfw.upgrade.internal.state;
