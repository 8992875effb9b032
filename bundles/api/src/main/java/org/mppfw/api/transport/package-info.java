/**
 * Fetching and sending bytes by URL (TFTP, HTTP, HTTPS), with the result classes A, B and C
 * that decide the next resync.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.mppfw.api.transport;
