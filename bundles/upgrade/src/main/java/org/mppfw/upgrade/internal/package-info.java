/** Firmware upgrade: the shell commands over the image format of the {@code image} package. */
package org.mppfw.upgrade.internal;
