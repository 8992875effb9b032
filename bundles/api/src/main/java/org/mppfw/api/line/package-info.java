/**
 * Line and call state: whether the phone is idle, which gates resyncs and upgrades.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mppfw.api.line;
