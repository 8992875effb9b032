/**
 * The firmware the phone runs: its version in Cisco's format, the upgrade status, the bundle
 * sets and the rollback to the previous one.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.mppfw.api.firmware;
