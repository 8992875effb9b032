/**
 * gzip detection by its magic ({@code 1f 8b}) and inflation with the JDK's {@code GZIPInputStream},
 * bounded: the decoded size is counted as it is read and the stream fails with a clear
 * {@link org.mppfw.api.profile.DecodeException} once it passes the limit, so a zip bomb costs
 * a 64 KiB buffer, never the heap.
 */
package org.mppfw.crypto.internal.gzip;
