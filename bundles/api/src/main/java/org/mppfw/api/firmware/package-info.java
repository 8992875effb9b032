/**
 * The firmware the phone runs: its version in Cisco's format and the upgrade status.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.mppfw.api.firmware;
