/** The build's command line for making {@code .loads} images. */
package org.mppfw.upgrade.internal.cli;
