/**
 * The power service: a reboot is recorded as a {@link org.mppfw.layout.RebootRequest} in the data dir,
 * then the framework is stopped and the launcher boots again from the firmware state record; the
 * boot history is the launcher's, read here for {@code sys:boots}.
 */
package org.mppfw.power.internal;
