/**
 * The bundle sets a phone can run: the image's own ({@code factory}) and the two upgrade slots of
 * the data dir, each a verified image's manifest and jars.
 */
package org.mppfw.upgrade.internal.sets;
